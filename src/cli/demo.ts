// `telusur demo`: loads a synthetic scenario (a KTP-selfie sale alert; a hospital patient-data
// sale promoted to an incident with a synthetic sample as evidence, scanned) into the configured
// database. Run it while the embedded server is stopped (PGlite allows one process per folder).
import { serverCommandConfig } from './server-command.js';
import { ExitCode, type CommandResult } from './usage.js';

const help = 'Penggunaan / usage: telusur demo\n\nMemuat skenario sintetis / loads a synthetic scenario (TELUSUR_DATA or DATABASE_URL).\n';

export async function run(args: string[]): Promise<CommandResult> {
  const settings = await serverCommandConfig('demo', args, help, { ...process.env, TELUSUR_LOG_LEVEL: process.env.TELUSUR_LOG_LEVEL ?? 'silent' });
  if (!('config' in settings)) return settings;
  const { config } = settings;
  const { startRuntime, ensureAdmin } = await import('../server/bootstrap.js');
  const { buildApp } = await import('../server/app.js');
  const { loadDemo } = await import('../server/demo/scenario.js');
  const runtime = await startRuntime(config, { workers: !config.redisUrl });
  try {
    const admin = await ensureAdmin(runtime.services.db, config.adminPassword);
    if (admin?.password) process.stdout.write(`Admin: ${admin.email} / kata sandi sekali pakai / one-time password: ${admin.password}\n`);
    const [adminRow] = await runtime.services.db.query<{ id: number }>(`SELECT id FROM users WHERE role = 'admin' AND NOT disabled ORDER BY id LIMIT 1`);
    const app = await buildApp(runtime.services);
    const result = await loadDemo(app, runtime.services.db, adminRow!.id);
    if (!result.loaded) {
      process.stdout.write('Skenario demo sudah dimuat sebelumnya / the demo scenario is already loaded.\n');
      return { exitCode: ExitCode.ok };
    }
    if (!config.redisUrl) {
      // Embedded: finish the scan here, so the report is ready when the server starts.
      for (let i = 0; i < 600; i++) {
        const [row] = await runtime.services.db.query<{ status: string }>('SELECT status FROM analyses WHERE id = $1', [result.analysisId]);
        if (row && !['queued', 'running'].includes(row.status)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await app.close();
    process.stdout.write(
      `Skenario demo dimuat / demo scenario loaded: insiden / incident #${result.incidentId}, analisis / analysis #${result.analysisId}\n` +
        `Petugas PSE / PSE officer: ${result.pseOfficer!.email} / ${result.pseOfficer!.password}\n` +
        `Semua data sintetis / all data is synthetic.\n`,
    );
    return { exitCode: ExitCode.ok };
  } finally {
    await runtime.close();
  }
}
