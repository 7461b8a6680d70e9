// Resolves the victim organization a post names ("Kemenkes", "BPJS TK", "tokopedia.com") against a
// PSE registry: the seed in pse-registry.json, or the server's organizations table passed in.
import { readFileSync } from 'node:fs';
import { monitorDataPath } from '../paths.js';
import type { Token } from './tokens.js';

export interface RegistryOrganization {
  name: string;
  aliases: readonly string[];
  /** Aliases that are also ordinary words ("Grab"): they match only as written or in capitals. */
  strictAliases?: readonly string[];
  domains: readonly string[];
  sector?: string;
  public?: boolean;
  /** Regulators and investigators are actors in posts; they count as victims only next to data words. */
  role?: 'pse' | 'authority';
}

interface AliasNode { next: Map<string, AliasNode>; org?: RegistryOrganization; strict?: string }

/** A prepared registry: an alias trie over word tokens plus a domain table. Build once, reuse. */
export class VictimResolver {
  private readonly root: AliasNode = { next: new Map() };
  private readonly domains = new Map<string, RegistryOrganization>();

  constructor(organizations: readonly RegistryOrganization[]) {
    for (const org of organizations) {
      const strict = new Set(org.strictAliases ?? []);
      for (const alias of [org.name, ...org.aliases]) if (!strict.has(alias)) this.addAlias(alias, org);
      for (const alias of org.strictAliases ?? []) this.addAlias(alias, org, alias);
      for (const d of org.domains) this.domains.set(d.toLowerCase(), org);
    }
  }

  private addAlias(alias: string, org: RegistryOrganization, strict?: string): void {
    const words = alias.toLowerCase().match(/\p{L}+|\d+/gu) ?? [];
    if (words.length === 0) return;
    let node = this.root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) { child = { next: new Map() }; node.next.set(w, child); }
      node = child;
    }
    if (!node.org || !strict) { node.org = org; if (strict) node.strict = strict; }
  }

  /** The first organization named in the post (longest alias at each position), or null. */
  resolve(text: string, tokens: readonly Token[]): RegistryOrganization | null {
    const hits: Array<{ at: number; org: RegistryOrganization }> = [];
    for (const match of text.matchAll(/\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b/gi)) {
      const host = match[0].toLowerCase();
      for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
        const org = this.domains.get(h);
        if (org && org.role !== 'authority') { hits.push({ at: match.index, org }); break; }
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.kind === 'sym') continue;
      let node: AliasNode | undefined = this.root;
      let best: { org: RegistryOrganization; end: number } | null = null;
      for (let k = i; k < tokens.length; k++) {
        const t = tokens[k]!;
        if (t.kind === 'sym') { if (t.text === '-' || t.text === '.') continue; break; }
        node = node.next.get(t.text);
        if (!node) break;
        if (node.org && (!node.strict || strictMatches(text.slice(tokens[i]!.start, t.end), node.strict))) best = { org: node.org, end: k };
      }
      if (!best) continue;
      if (best.org.role !== 'authority' || authorityAsVictim(tokens, i, best.end)) {
        hits.push({ at: tokens[i]!.start, org: best.org });
        break;
      }
      i = best.end;
    }
    hits.sort((a, b) => a.at - b.at);
    return hits[0]?.org ?? null;
  }
}

function strictMatches(written: string, alias: string): boolean {
  return written === alias || written === alias.toUpperCase();
}

const DATA_WORDS = new Set(['data', 'dump', 'database', 'db', 'leak', 'registration', 'records', 'server', 'bocor']);
/** "Kominfo SIM registration dump" names a victim; "Kominfo says it is investigating" does not. */
function authorityAsVictim(tokens: readonly Token[], start: number, end: number): boolean {
  for (let k = end + 1; k <= end + 2 && k < tokens.length; k++) if (DATA_WORDS.has(tokens[k]!.text)) return true;
  for (let k = start - 1; k >= start - 2 && k >= 0; k--) if (DATA_WORDS.has(tokens[k]!.text)) return true;
  return false;
}

let seed: VictimResolver | undefined;
/** The resolver over the seed registry shipped with Telusur. */
export function seedVictimResolver(): VictimResolver {
  if (!seed) {
    const file = JSON.parse(readFileSync(monitorDataPath('extract', 'pse-registry.json'), 'utf8')) as { organizations: RegistryOrganization[] };
    seed = new VictimResolver(file.organizations);
  }
  return seed;
}

/**
 * A resolver over the server's organizations table (name, aliases, domains), the PSE registry
 * analysts maintain. Falls back to nothing: an empty table resolves no victims.
 */
export async function victimResolverFromDatabase(db: { query<T>(sql: string, params?: unknown[]): Promise<T[]> }): Promise<VictimResolver> {
  const rows = await db.query<{ name: string; aliases: string[] | null; domains: string[] | null; sector: string; ownership: string }>(
    'SELECT name, aliases, domains, sector, ownership FROM organizations ORDER BY id',
  );
  return new VictimResolver(rows.map((r) => ({
    name: r.name, aliases: r.aliases ?? [], domains: r.domains ?? [], sector: r.sector, public: r.ownership === 'public',
  })));
}
