// JSON API dumps: an array of nested objects (pretty-printed or compact), and NDJSON with one
// nested object per line. Tables become nested objects (`penduduk.nik`); orders an array
// (`pesanan[].order_id`), so field paths are exercised.
import { SCHEMA, TABLES, type DumpStyle, type Row } from '../rows.js';
import type { Random } from '../random.js';
import type { FormatWriter } from './types.js';

/** Columns some APIs emit as bare JSON numbers (16 digits, beyond 2^53: the bytes still hold them). */
const SOMETIMES_NUMERIC = new Set(['nik', 'no_kk']);

function objectOf(row: Row, style: DumpStyle, rng: Random | null): Record<string, unknown> {
  const top: Record<string, unknown> = {};
  const groups = new Map<string, Record<string, unknown>>();
  for (const t of TABLES) groups.set(t, {});
  for (let i = 0; i < SCHEMA.length; i++) {
    const spec = SCHEMA[i], cell = row[i];
    if (!spec || cell === null || cell === undefined) continue;
    // Numeric columns stay numbers; JSON.stringify would round 16 digits, so they are spliced raw.
    const bare = spec.numeric || (rng !== null && SOMETIMES_NUMERIC.has(spec.key) && rng.chance(0.2));
    const value = bare ? new RawNumber(cell) : cell;
    if (spec.key === 'id') top[style.names[i] ?? 'id'] = value;
    else (groups.get(spec.table) as Record<string, unknown>)[style.names[i] ?? spec.key] = value;
  }
  top.penduduk = groups.get('penduduk');
  top.pesanan = [groups.get('pesanan')];
  top.kesehatan = groups.get('kesehatan');
  top.akun = groups.get('akun');
  return top;
}

class RawNumber {
  constructor(readonly digits: string) {}
}

function serialize(value: unknown, indent: string | null, depth: number): string {
  if (value instanceof RawNumber) return value.digits;
  if (typeof value === 'string') return JSON.stringify(value);
  const nl = indent === null ? '' : '\n' + indent.repeat(depth + 1);
  const close = indent === null ? '' : '\n' + indent.repeat(depth);
  const colon = indent === null ? ':' : ': ';
  if (Array.isArray(value)) return `[${value.map((v) => nl + serialize(v, indent, depth + 1)).join(',')}${close}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${nl}${JSON.stringify(k)}${colon}${serialize(v, indent, depth + 1)}`).join(',')}${close}}`;
}

export function jsonWriter(style: DumpStyle, pretty: boolean, rng: Random): FormatWriter {
  const indent = pretty ? '  ' : null;
  return {
    start: () => '[',
    batch(rows: readonly Row[], first: boolean): string {
      let out = '';
      rows.forEach((row, i) => {
        out += (first && i === 0 ? '\n' : ',\n') + (pretty ? '  ' : '') + serialize(objectOf(row, style, rng), indent, 1);
      });
      return out;
    },
    end: () => '\n]\n',
  };
}

export function ndjsonWriter(style: DumpStyle): FormatWriter {
  return {
    start: () => '',
    batch: (rows: readonly Row[]) => rows.map((row) => serialize(objectOf(row, style, null), null, 0) + '\n').join(''),
    end: () => '',
  };
}
