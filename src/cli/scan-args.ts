// The `telusur scan` command line, parsed: by the command, and by the launcher, which reads it
// to decide how to start Node (src/cli/launch.ts) and so must not load the scan itself.
import { parseArgs } from 'node:util';
import { parseAsOf } from '../engine/as-of.js';
import { PII_TYPES, type PiiType } from '../engine/types.js';

export interface ScanArgs {
  paths: string[];
  json: boolean;
  findingsFile?: string;
  reveal: boolean;
  asOf?: string;
  workers?: number;
  types?: PiiType[];
  failOn: PiiType[];
}

/** Parses the command line; returns an error message for a usage error. */
export function parseScanArgs(args: string[]): ScanArgs | string {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true, strict: true,
      options: {
        json: { type: 'boolean', default: false }, findings: { type: 'string' }, reveal: { type: 'boolean', default: false },
        'as-of': { type: 'string' }, workers: { type: 'string' }, types: { type: 'string' }, 'fail-on': { type: 'string' },
      },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) return 'tidak ada PATH / no PATH given';
  if (values['as-of'] !== undefined && !parseAsOf(values['as-of'])) return `--as-of: bukan tanggal YYYY-MM-DD yang valid / not a valid YYYY-MM-DD date: ${values['as-of']}`;
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = /^\d+$/.test(values.workers) ? Number(values.workers) : NaN;
    if (!(workers >= 1 && workers <= 256)) return `--workers: harus bilangan bulat 1–256 / must be a whole number 1–256: ${values.workers}`;
  }
  const typeList = (flag: string, text: string | undefined): PiiType[] | string | undefined => {
    if (text === undefined) return undefined;
    const list = text.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean);
    // An empty list would scan for nothing, and a --fail-on gate would then always pass.
    if (list.length === 0) return `${flag}: daftar jenis kosong / empty type list`;
    const unknown = list.filter((t) => !(PII_TYPES as readonly string[]).includes(t));
    if (unknown.length) return `${flag}: jenis tidak dikenal / unknown type: ${unknown.join(', ')} (known: ${PII_TYPES.join(', ')})`;
    return list as PiiType[];
  };
  const types = typeList('--types', values.types);
  if (typeof types === 'string') return types;
  const failOn = typeList('--fail-on', values['fail-on']);
  if (typeof failOn === 'string') return failOn;
  if (values.findings === '') return '--findings: nama berkas kosong / empty file name';
  if (values.reveal && !values.findings) return '--reveal hanya berlaku dengan --findings / --reveal only applies with --findings';
  return {
    paths: positionals, json: values.json ?? false, reveal: values.reveal ?? false, failOn: failOn ?? [],
    ...(values.findings !== undefined ? { findingsFile: values.findings } : {}),
    ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(types ? { types } : {}),
  };
}
