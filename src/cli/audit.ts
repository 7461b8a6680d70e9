// `telusur audit verify`: walks the audit hash chain of the configured database (DATABASE_URL, or
// the embedded one in TELUSUR_DATA) and names the first row that breaks it. Exit 0 intact, 1 broken.
import { ExitCode, usageError, type CommandResult } from './usage.js';

const help = `Penggunaan / usage: telusur audit verify [--json]

Memeriksa rantai hash log audit dan menyebut baris pertama yang rusak.
Checks the audit log's hash chain and names the first broken row.
Exit: 0 utuh / intact, 1 rusak / broken, 2 penggunaan / usage, 3 basis data tak terbuka / database unavailable.
`;

export async function run(args: string[]): Promise<CommandResult> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') {
    process.stdout.write(help);
    return { exitCode: ExitCode.ok };
  }
  if (sub !== 'verify') return { exitCode: usageError(`audit: sub-perintah tidak dikenal / unknown sub-command: ${sub ?? '(none)'}\n${help}`) };
  const unknown = rest.filter((a) => a !== '--json');
  if (unknown.length) return { exitCode: usageError(`audit verify: opsi tidak dikenal / unknown option: ${unknown.join(' ')}`) };
  const json = rest.includes('--json');

  const { loadConfig } = await import('../server/config.js');
  const { openDatabase } = await import('../server/db/open.js');
  const { verifyAuditChain } = await import('../server/audit/chain.js');
  let db;
  try {
    const config = loadConfig();
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    process.stderr.write(`telusur audit: basis data tidak dapat dibuka / cannot open the database: ${(error as Error).message}\n`);
    return { exitCode: ExitCode.unreadableInput };
  }
  try {
    const result = await verifyAuditChain(db);
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    if (result.ok) {
      if (!json) process.stdout.write(`rantai audit utuh / audit chain intact: ${result.rows} baris / rows, head ${result.head}\n`);
      return { exitCode: ExitCode.ok };
    }
    process.stderr.write(
      `rantai audit RUSAK pada baris ${result.brokenSeq} / audit chain BROKEN at row ${result.brokenSeq} (${result.reason}); ${result.rows} baris sebelumnya utuh / rows before it intact\n`,
    );
    return { exitCode: ExitCode.failOn };
  } finally {
    await db.close();
  }
}
