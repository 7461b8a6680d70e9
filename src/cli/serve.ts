// `telusur serve`: the investigation server. Embedded defaults (PGlite in TELUSUR_DATA, in-process
// jobs, local encrypted blobs) or production (DATABASE_URL, REDIS_URL). First run creates the admin
// and prints a one-time password unless TELUSUR_ADMIN_PASSWORD is set.
import { serverCommandConfig } from './server-command.js';
import { ExitCode, type CommandResult } from './usage.js';

const help = `Penggunaan / usage: telusur serve

Menjalankan server investigasi / runs the investigation server.
Lingkungan / environment: PORT (8080), HOST, TELUSUR_DATA (./data), DATABASE_URL, REDIS_URL,
TELUSUR_ADMIN_PASSWORD, TELUSUR_KEY, TELUSUR_CONFIG (berkas JSON / JSON file), TELUSUR_SERVE_WORKERS,
TELUSUR_SOURCES (berkas sumber pemantauan / monitoring sources file), TELUSUR_MONITOR_ALLOW (host internal / internal hosts).
`;

export async function run(args: string[]): Promise<CommandResult> {
  const settings = await serverCommandConfig('serve', args, help);
  if (!('config' in settings)) return settings;
  const { config } = settings;
  const { startRuntime, ensureAdmin } = await import('../server/bootstrap.js');
  const { buildApp } = await import('../server/app.js');
  const { startServerMonitoring } = await import('../server/monitoring/run.js');
  const runtime = await startRuntime(config, { workers: config.serveWorkers });
  const admin = await ensureAdmin(runtime.services.db, config.adminPassword);
  if (admin?.password) {
    process.stdout.write(
      `\nAdmin pertama dibuat / first admin created:\n  email:    ${admin.email}\n  password: ${admin.password}\n` +
        `Kata sandi sekali pakai ini tidak ditampilkan lagi; segera ganti / this one-time password is not shown again; change it now.\n\n`,
    );
  }
  const app = await buildApp(runtime.services);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(
    `Telusur siap / ready: http://localhost:${port}/  (API /api/v1, dokumen / docs /api/docs; basis data / database: ${runtime.services.db.kind}, tugas / jobs: ${runtime.services.jobs.kind})\n`,
  );
  const monitoring = startServerMonitoring(runtime.services);
  if (monitoring) process.stdout.write(`Pemantauan sumber aktif / monitoring sources from ${config.sourcesFile}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await monitoring?.stop();
  await app.close();
  await runtime.close();
  return { exitCode: ExitCode.ok };
}
