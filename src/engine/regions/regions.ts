// Kemendagri region codes, current and historical: a NIK keeps its district prefix after a region
// splits (pemekaran), so validity is the union of every list we ship. idn-area-data v4 is the
// current list; its v3 and v2 majors hold earlier ones. Loaded once, on first use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Newest first: names come from the newest list that has the code. */
const PACKAGES = ['idn-area-data', 'idn-area-data-v3', 'idn-area-data-v2'] as const;

export interface RegionTable {
  /** 1 where the 6-digit district code (as a number, e.g. 317101) is or was valid. */
  readonly districtValid: Uint8Array;
  readonly provinceNames: ReadonlyMap<number, string>;
  readonly regencyNames: ReadonlyMap<number, string>;
  readonly districtNames: ReadonlyMap<number, string>;
  /** How many lists the union was built from, and their versions (for reports). */
  readonly sources: readonly string[];
}

let table: RegionTable | undefined;

export function regions(): RegionTable {
  table ??= loadRegions();
  return table;
}

function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${name}/package.json`));
}

/** Rows of a small, simple CSV (no quoted commas in these files' first two columns). */
function rows(file: string): string[][] {
  return readFileSync(file, 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map(splitCsvLine);
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '', quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}

const codeNumber = (code: string) => Number(code.replace(/\./g, ''));

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_, pre: string, ch: string) => pre + ch.toUpperCase());
}

function loadRegions(): RegionTable {
  const districtValid = new Uint8Array(1_000_000);
  const provinceNames = new Map<number, string>();
  const regencyNames = new Map<number, string>();
  const districtNames = new Map<number, string>();
  const sources: string[] = [];
  for (const name of PACKAGES) {
    const dir = packageDir(name);
    const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    sources.push(`idn-area-data@${version}`);
    for (const [code, label] of rows(join(dir, 'data', 'provinces.csv'))) {
      if (code && label && !provinceNames.has(codeNumber(code))) provinceNames.set(codeNumber(code), titleCase(label));
    }
    for (const [code, , label] of rows(join(dir, 'data', 'regencies.csv'))) {
      if (code && label && !regencyNames.has(codeNumber(code))) regencyNames.set(codeNumber(code), titleCase(label));
    }
    for (const [code, , label] of rows(join(dir, 'data', 'districts.csv'))) {
      if (!code || !label) continue;
      const n = codeNumber(code);
      if (n > 0 && n < 1_000_000) districtValid[n] = 1;
      if (!districtNames.has(n)) districtNames.set(n, titleCase(label));
    }
  }
  return { districtValid, provinceNames, regencyNames, districtNames, sources };
}
