// Regenerates the bundled synthetic sample that `npm start` scans (test-data/sample/, < 200 KB)
// and a summary of its ground truth (test-data/sample-truth.json: distinct positives per type
// and file, kept outside the scanned folder). Fixed seeds, so the committed files only change
// when the generator does:  npm run build && node dist/test-data/make-sample.js
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDump } from './generator/dump.js';
import type { DumpFormat } from './generator/writers/index.js';

/** The sample: a CSV export, a gzipped MySQL dump, an NDJSON API dump and an application log. */
export const SAMPLE_FILES: readonly { file: string; format: DumpFormat; rows: number }[] = [
  { file: 'ekspor-pelanggan.csv', format: 'csv', rows: 70 },
  { file: 'dump-toko.sql.gz', format: 'mysql', rows: 120 },
  { file: 'api-pengguna.ndjson', format: 'ndjson', rows: 45 },
  { file: 'aplikasi.log', format: 'log', rows: 35 },
];

export async function makeSample(root: string): Promise<number> {
  const sampleDir = join(root, 'sample');
  await rm(sampleDir, { recursive: true, force: true });
  let bytes = 0;
  const files: Record<string, unknown> = {};
  const all = new Map<string, Set<string>>();
  for (const { file, format, rows } of SAMPLE_FILES) {
    const { truth, bytes: written } = await generateDump({ format, rows, seed: `telusur-sample-${file}`, path: join(sampleDir, file) });
    bytes += written;
    files[file] = { format, records: truth.records, columns: truth.columns, distinctPositives: distinctCounts(truth.positives) };
    for (const [type, values] of Object.entries(truth.positives)) {
      let set = all.get(type);
      if (!set) all.set(type, (set = new Set()));
      for (const v of values ?? []) set.add(v);
    }
  }
  const summary = {
    note: 'Ground truth of test-data/sample (synthetic people): distinct positive values per type. Regenerate with make-sample.',
    distinctPositives: Object.fromEntries([...all].sort(([a], [b]) => a.localeCompare(b)).map(([t, s]) => [t, s.size])),
    files,
  };
  await writeFile(join(root, 'sample-truth.json'), JSON.stringify(summary, null, 2) + '\n');
  return bytes;
}

function distinctCounts(positives: Record<string, string[] | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(positives).map(([t, v]) => [t, v?.length ?? 0]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // dist/test-data/make-sample.js → the source folder test-data/, two levels up from dist.
  const here = dirname(fileURLToPath(import.meta.url));
  const root = here.includes(`${'/'}dist${'/'}`) ? join(here, '..', '..', 'test-data') : here;
  makeSample(root).then((bytes) => console.error(`sample: ${SAMPLE_FILES.length} files, ${bytes} bytes uncompressed`), (err: unknown) => {
    console.error(`make-sample: ${(err as Error).message}`);
    process.exitCode = 1;
  });
}
