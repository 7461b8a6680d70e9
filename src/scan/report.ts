// The scan report (`telusur scan --json`, contract version 1) and its human-readable table.
import { PII_TYPES, type PdpCategory, type PiiType } from '../engine/types.js';
import { regionNames } from '../engine/regions/regions.js';
import type { ScanStats, TypeTotals } from '../engine/stats/scan-stats.js';
import type { SubjectsReport } from '../engine/stats/subjects.js';

export const REPORT_VERSION = 1;

export interface FileEntry {
  path: string;
  format: string;
  bytes: number;
  records: number;
  findings: number;
  error: string | null;
  warnings?: string[];
  /** A folder entry not read, and why (a symbolic link, a pipe); not an error: exit status 0. */
  skipped?: string;
}

export interface ScanReport {
  version: number;
  asOf: string;
  files: FileEntry[];
  totals: {
    bytes: number;
    records: number;
    findings: number;
    byType: Record<string, TypeTotals>;
    subjects: SubjectsReport;
    /** UU PDP Art. 4: does the scan hold specific (sensitive) data, and which types. */
    pdp: { specific: boolean; specificTypes: string[]; generalTypes: string[] };
  };
  elapsedMs: number;
}

/** UU PDP class of each type, also for types that were not found (used for defaults). */
export const PDP_CATEGORY: Record<PiiType, PdpCategory> = Object.fromEntries(
  PII_TYPES.map((t) => [t, ['HEALTH', 'BIOMETRIC', 'CREDIT_CARD', 'BANK_ACCOUNT'].includes(t) ? 'specific' : 'general']),
) as Record<PiiType, PdpCategory>;

export function buildReport(asOf: string, files: FileEntry[], stats: ScanStats, elapsedMs: number): ScanReport {
  const byType = stats.byType((t) => PDP_CATEGORY[t]);
  const subjects = stats.subjectsReport();
  const found = Object.entries(byType).filter(([, t]) => t.count > 0);
  const specificTypes = found.filter(([, t]) => t.category === 'specific').map(([type]) => type);
  // Children's data is specific data under Art. 4 even when every field is a general type.
  if (subjects.minors > 0) specificTypes.push('CHILDREN');
  return {
    version: REPORT_VERSION,
    asOf,
    files,
    totals: {
      bytes: files.reduce((s, f) => s + f.bytes, 0),
      records: files.reduce((s, f) => s + f.records, 0),
      findings: stats.findings,
      byType,
      subjects,
      pdp: {
        specific: specificTypes.length > 0,
        specificTypes,
        generalTypes: found.filter(([, t]) => t.category === 'general').map(([type]) => type),
      },
    },
    elapsedMs,
  };
}

/** Made on first use: loading the locale's data took 20-30 ms of every scan's start, --json ones too. */
let idFormat: Intl.NumberFormat | undefined;
const n = (value: number) => (idFormat ??= new Intl.NumberFormat('id-ID')).format(value);

/**
 * A file name or message as the terminal may show it: a leak's file names are the seller's, and
 * an escape sequence in one would otherwise move the cursor, rewrite lines or retitle the window.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it replaces
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The summary printed without --json: Indonesian labels first, English after the slash. */
/** Province names for the table; a scan whose region lists failed to load still gets its codes. */
function provinceNames(): ReadonlyMap<number, string> {
  try {
    return regionNames().provinceNames;
  } catch {
    return new Map();
  }
}

export function formatTable(report: ScanReport): string {
  const { totals } = report;
  const lines: string[] = [];
  const mb = totals.bytes / 1e6;
  const seconds = report.elapsedMs / 1000;
  lines.push(`Telusur — hasil pemindaian / scan result (per ${report.asOf})`);
  lines.push(`Berkas / files: ${n(report.files.length)}   Ukuran / size: ${mb.toFixed(1)} MB   Rekaman / records: ${n(totals.records)}   ` +
    `Waktu / time: ${seconds.toFixed(2)} s (${seconds > 0 ? (mb / seconds).toFixed(0) : '-'} MB/s)`);
  lines.push('');
  const rows = Object.entries(totals.byType).map(([type, t]) => [type, n(t.count), n(t.distinct) + (t.approximate ? '~' : ''), n(t.invalid), t.category === 'specific' ? 'spesifik / specific' : 'umum / general']);
  const header = ['Jenis / type', 'Temuan / found', 'Unik / distinct', 'Tidak valid / invalid', 'Kelas UU PDP / class'];
  lines.push(...table([header, ...rows]));
  const s = totals.subjects;
  lines.push('');
  lines.push(`Orang unik (NIK valid) / distinct people: ${n(s.distinct)}${s.approximate ? ' (perkiraan / estimate)' : ''}`);
  lines.push(`  Perempuan / female: ${n(s.female)}   Laki-laki / male: ${n(s.male)}   Anak (<18) / minors: ${n(s.minors)}`);
  const provinces = Object.entries(s.byProvince).sort((a, b) => b[1] - a[1]).slice(0, 10);
  if (provinces.length) {
    const names = provinceNames();
    const named = (code: string) => `${code} ${names.get(Number(code)) ?? ''}`.trimEnd();
    lines.push(`  Provinsi teratas / top provinces: ${provinces.map(([code, count]) => `${named(code)}: ${n(count)}`).join(', ')}`);
  }
  lines.push(`Data spesifik UU PDP / UU PDP specific data: ${totals.pdp.specific ? `YA / YES (${totals.pdp.specificTypes.join(', ')})` : 'tidak / no'}`);
  const failed = report.files.filter((f) => f.error);
  if (failed.length) {
    lines.push('');
    lines.push(`Tidak terbaca / not read (${failed.length}):`);
    for (const f of failed) lines.push(printable(`  ${f.path}: ${f.error}`));
  }
  const skipped = report.files.filter((f) => f.skipped);
  if (skipped.length) {
    lines.push('');
    lines.push(`Dilewati / skipped (${skipped.length}):`);
    for (const f of skipped) lines.push(printable(`  ${f.path}: ${f.skipped}`));
  }
  return lines.join('\n') + '\n';
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r, i) => r.map((cell, c) => (c === 0 || i === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
}
