// `telusur worker`: runs BullMQ job workers (scan analyses) against the shared PostgreSQL and
// Redis, on as many machines as needed. Needs DATABASE_URL and REDIS_URL.
import { serverCommandConfig } from './server-command.js';
import { ExitCode, usageError, type CommandResult } from './usage.js';

const help = `Penggunaan / usage: telusur worker

Menjalankan pekerja antrean (BullMQ) / runs queue workers (BullMQ).
Wajib / required: REDIS_URL, DATABASE_URL. Opsional / optional: TELUSUR_JOB_CONCURRENCY, TELUSUR_DATA (blob store).
`;

export async function run(args: string[]): Promise<CommandResult> {
  const settings = await serverCommandConfig('worker', args, help);
  if (!('config' in settings)) return settings;
  const { config } = settings;
  if (!config.redisUrl || !config.databaseUrl) {
    return { exitCode: usageError('worker: REDIS_URL dan DATABASE_URL wajib diisi / REDIS_URL and DATABASE_URL are required') };
  }
  const { startRuntime } = await import('../server/bootstrap.js');
  const runtime = await startRuntime(config, {
    workers: true,
    onJobError: (id, error) => process.stderr.write(`telusur worker: analisis ${id} gagal / failed: ${(error as { code?: string }).code ?? (error as Error).name}\n`),
  });
  process.stdout.write(`Telusur worker siap / ready (konkurensi / concurrency ${config.jobConcurrency})\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await runtime.close();
  return { exitCode: ExitCode.ok };
}
