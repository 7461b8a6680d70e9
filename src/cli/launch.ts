// How the `telusur` command starts Node. A scan whose workers take every core runs faster with
// V8's background work (optimizing compiles, parallel and concurrent GC) done on each worker's own
// thread: those background threads find no idle core, so they only preempt the workers (512 MB CSV,
// 2 workers on 2 cores: 8.1-8.2 s -> 7.7-7.9 s). V8 reads these flags when it starts and must not
// see them change later (setting --single-threaded-gc at run time crashes the GC), so the command
// starts Node once more with them. With a core to spare the background threads pay: no relaunch;
// so for a small input, which gets fewer workers than cores (scan/workers.ts), no relaunch either.
import { availableParallelism, constants } from 'node:os';
import { scanWorkerCount } from '../scan/workers.js';
import { parseScanArgs } from './scan-args.js';

/** Set in the relaunched process, so it never relaunches again. */
const RELAUNCHED = 'TELUSUR_V8_TUNED';
const INLINE_BACKGROUND_WORK = ['--no-concurrent-recompilation', '--single-threaded-gc'];

/**
 * The V8 flags the command wants Node started with, or none when this process will do (also when
 * it runs under a debugger, which should stay attached to the process doing the work). A scan
 * without --workers gets the default count the scan itself will choose for its paths.
 */
export function v8FlagsFor(
  args: readonly string[], cores = availableParallelism(), env = process.env, execArgv = process.execArgv,
): string[] {
  if (env[RELAUNCHED] || execArgv.some((flag) => flag.startsWith('--inspect'))) return [];
  return scanWorkers(args, cores) >= cores ? INLINE_BACKGROUND_WORK : [];
}

/**
 * The worker threads the command's scan will start (scanWorkerCount), or 0 when the command is no scan or its arguments are wrong (it reports them).
 */
export function scanWorkers(args: readonly string[], cores = availableParallelism()): number {
  if (args[0] !== 'scan') return 0;
  const scan = parseScanArgs(args.slice(1));
  if (typeof scan === 'string') return 0;
  return scanWorkerCount(scan.paths, scan.workers, cores);
}

/**
 * Runs `script args` in a new Node process started with `flags`, sharing this one's terminal, and
 * resolves with its exit status (128 + the signal's number when a signal ended it).
 */
export async function relaunch(flags: readonly string[], script: string, args: readonly string[]): Promise<number> {
  // Imported here: child_process (and net, which it loads) took ~15 ms of every start that never relaunches.
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...flags, ...process.execArgv, script, ...args], { stdio: relaunchStdio(args), env: relaunchEnv(process.env) });
  // Ctrl-C reaches both processes through the terminal; a signal sent to this one alone is passed on.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      process.stderr.write(`telusur: tidak dapat menjalankan Node / cannot start Node: ${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/**
 * The relaunched process's descriptors: the terminal's three, and each one an argument names as
 * /dev/fd/N, as a shell's process substitution does (`--findings >(gzip > temuan.gz)`): the child
 * would otherwise find no such descriptor.
 */
export function relaunchStdio(args: readonly string[]): ('inherit' | 'ignore' | number)[] {
  const stdio: ('inherit' | 'ignore' | number)[] = ['inherit', 'inherit', 'inherit'];
  for (const arg of args) {
    const fd = Number(/(?:^|=)\/(?:dev|proc\/self)\/fd\/(\d{1,4})$/.exec(arg)?.[1] ?? -1);
    if (fd < 3) continue;
    while (stdio.length <= fd) stdio.push('ignore');
    stdio[fd] = fd;
  }
  return stdio;
}

/**
 * The relaunched process's environment. Node reads NODE_EXTRA_CA_CERTS's whole bundle as it starts
 * (a system bundle: 60 ms of each start here), and a scan opens no TLS connection.
 */
export function relaunchEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _unused, ...rest } = env;
  return { ...rest, [RELAUNCHED]: '1' };
}
