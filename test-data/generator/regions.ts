// Kemendagri district codes for synthetic NIKs, read from the idn-area-data CSVs. Positives use
// the current list (v4) only; "invalid region" negatives must be absent from every list we ship
// (v2, v3, v4), because the detector accepts historical codes too.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface District {
  /** Six digits, e.g. `317101`. */
  readonly code: string;
  readonly name: string;
  readonly regency: string;
  readonly province: string;
}

export interface RegionData {
  readonly districts: readonly District[];
  /** Every district code in any shipped list (current and historical), as six digits. */
  readonly knownCodes: ReadonlySet<string>;
  /** Two-digit province codes in any list. */
  readonly knownProvinces: ReadonlySet<string>;
}

let cached: RegionData | undefined;

export function regionData(): RegionData {
  cached ??= load();
  return cached;
}

function dataDir(pkg: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(`${pkg}/package.json`)), 'data');
}

/** Parses one CSV line with RFC 4180 quotes (one district name holds a doubled quote). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

function table(pkg: string, file: string): string[][] {
  const text = readFileSync(join(dataDir(pkg), file), 'utf8');
  return text.split(/\r?\n/).slice(1).filter((l) => l.length > 0).map(cells);
}

const digitsOf = (code: string): string => code.replace(/\D/g, '');

function load(): RegionData {
  const provinces = new Map(table('idn-area-data', 'provinces.csv').map(([c, n]) => [digitsOf(c ?? ''), n ?? '']));
  const regencies = new Map(table('idn-area-data', 'regencies.csv').map(([c, , n]) => [digitsOf(c ?? ''), n ?? '']));
  const districts: District[] = [];
  for (const [c, r, n] of table('idn-area-data', 'districts.csv')) {
    const code = digitsOf(c ?? '');
    const regencyCode = digitsOf(r ?? '');
    if (code.length !== 6) continue;
    districts.push({
      code,
      name: n ?? '',
      regency: regencies.get(regencyCode) ?? '',
      province: provinces.get(code.slice(0, 2)) ?? '',
    });
  }
  const knownCodes = new Set<string>();
  for (const pkg of ['idn-area-data', 'idn-area-data-v3', 'idn-area-data-v2']) {
    for (const [c] of table(pkg, 'districts.csv')) knownCodes.add(digitsOf(c ?? ''));
  }
  const knownProvinces = new Set([...knownCodes].map((c) => c.slice(0, 2)));
  return { districts, knownCodes, knownProvinces };
}
