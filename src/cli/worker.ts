// `telusur worker`: runs BullMQ job workers (scan analyses) against the shared PostgreSQL and
// Redis, on as many machines as needed. Needs DATABASE_URL and REDIS_URL.
import { ExitCode, usageError, type CommandResult } from './usage.js';

const help = `Penggunaan / usage: telusur worker

Menjalankan pekerja antrean (BullMQ) / runs queue workers (BullMQ).
Wajib / required: REDIS_URL, DATABASE_URL. Opsional / optional: TELUSUR_JOB_CONCURRENCY, TELUSUR_DATA (blob store).
`;

export async function run(args: string[]): Promise<CommandResult> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(help);
    return { exitCode: ExitCode.ok };
  }
  if (args.length) return { exitCode: usageError(`worker: argumen tidak dikenal / unknown argument: ${args.join(' ')}`) };
  const { loadConfig } = await import('../server/config.js');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    return { exitCode: usageError((error as Error).message) };
  }
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
