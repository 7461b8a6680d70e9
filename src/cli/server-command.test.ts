import { afterEach, describe, expect, it, vi } from 'vitest';
import { serverCommandConfig } from './server-command.js';
import { ExitCode } from './usage.js';

afterEach(() => vi.restoreAllMocks());

function capture(stream: NodeJS.WriteStream): () => string {
  let text = '';
  vi.spyOn(stream, 'write').mockImplementation((s) => ((text += String(s)), true));
  return () => text;
}

describe('serve, worker and demo settings', () => {
  it('shows the help on --help and exits 0', async () => {
    const out = capture(process.stdout);
    expect(await serverCommandConfig('serve', ['--help'], 'HELP TEXT\n')).toEqual({ exitCode: ExitCode.ok });
    expect(out()).toBe('HELP TEXT\n');
  });

  it('rejects an argument with exit 2, naming it and showing the help', async () => {
    const err = capture(process.stderr);
    expect(await serverCommandConfig('worker', ['--port', '1'], 'HELP TEXT\n')).toEqual({ exitCode: ExitCode.usage });
    expect(err()).toContain('worker: argumen tidak dikenal / unknown argument: --port 1');
    expect(err()).toContain('HELP TEXT');
  });

  it('turns a bad setting into exit 2 naming the setting and the reason', async () => {
    const err = capture(process.stderr);
    expect(await serverCommandConfig('demo', [], '', { PORT: 'abc' })).toEqual({ exitCode: ExitCode.usage });
    expect(err()).toMatch(/PORT: .*must be a number/);
  });

  it('reads the settings from the given environment', async () => {
    const settings = await serverCommandConfig('serve', [], '', { PORT: '9123', TELUSUR_DATA: '/tmp/telusur-x' });
    expect('config' in settings && settings.config.port).toBe(9123);
  });
});
