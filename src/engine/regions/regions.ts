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
  /** How many lists the union was built from, and their versions (for reports). */
  readonly sources: readonly string[];
}

export interface RegionNames {
  readonly provinceNames: ReadonlyMap<number, string>;
  readonly regencyNames: ReadonlyMap<number, string>;
  readonly districtNames: ReadonlyMap<number, string>;
}

let table: RegionTable | undefined;
let names: RegionNames | undefined;

/** The valid district codes: what every NIK and KK check needs, so each scan worker loads it first. */
export function regions(): RegionTable {
  table ??= loadCodes();
  return table;
}

/** Region names, for describing a NIK: built only when first asked for (scans never need them). */
export function regionNames(): RegionNames {
  names ??= loadNames();
  return names;
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
  let from = 0, quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 44 && !quoted) {
      cells.push(unquote(line.slice(from, i)));
      from = i + 1;
    }
  }
  cells.push(unquote(line.slice(from)));
  return cells;
}

const unquote = (cell: string) => (cell.includes('"') ? cell.replace(/"/g, '') : cell);

const codeNumber = (code: string) => Number(code.replace(/\./g, ''));

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_, pre: string, ch: string) => pre + ch.toUpperCase());
}

function loadCodes(): RegionTable {
  const districtValid = new Uint8Array(1_000_000);
  const sources: string[] = [];
  for (const name of PACKAGES) {
    const dir = packageDir(name);
    const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    sources.push(`idn-area-data@${version}`);
    markDistricts(readFileSync(join(dir, 'data', 'districts.csv'), 'latin1'), districtValid);
  }
  return { districtValid, sources };
}

/**
 * Marks the code before the first comma of each row ("11.01.01" or "110101"), read in place. Its
 * own function: in loadCodes, V8 optimized the loop mid-call and threw that code away at the next
 * package, three compiles in every scan worker's start.
 */
function markDistricts(text: string, districtValid: Uint8Array): void {
  for (let line = text.indexOf('\n') + 1; line > 0 && line < text.length; line = text.indexOf('\n', line) + 1) {
    let n = 0, digits = 0, i = line;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        n = n * 10 + (c - 48);
        digits++;
      } else if (c !== 46 && c !== 34) break;
    }
    if (digits === 6 && text.charCodeAt(i) === 44 && n > 0) districtValid[n] = 1;
  }
}

function loadNames(): RegionNames {
  const provinceNames = new Map<number, string>();
  const regencyNames = new Map<number, string>();
  const districtNames = new Map<number, string>();
  for (const name of PACKAGES) {
    const dir = packageDir(name);
    for (const [code, label] of rows(join(dir, 'data', 'provinces.csv'))) {
      if (code && label && !provinceNames.has(codeNumber(code))) provinceNames.set(codeNumber(code), titleCase(label));
    }
    for (const [code, , label] of rows(join(dir, 'data', 'regencies.csv'))) {
      if (code && label && !regencyNames.has(codeNumber(code))) regencyNames.set(codeNumber(code), titleCase(label));
    }
    for (const [code, , label] of rows(join(dir, 'data', 'districts.csv'))) {
      if (code && label && !districtNames.has(codeNumber(code))) districtNames.set(codeNumber(code), titleCase(label));
    }
  }
  return { provinceNames, regencyNames, districtNames };
}
