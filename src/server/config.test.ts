// Configuration is validated at start: defaults, environment over file, and errors that name the setting.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe('./data');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.cookieSecure).toBe(true);
  });

  it('takes the environment over the config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'telusur-config-'));
    const file = join(dir, 'telusur.json');
    writeFileSync(file, JSON.stringify({ port: 9000, dataDir: '/srv/telusur' }));
    const config = loadConfig({ TELUSUR_CONFIG: file, PORT: '9100' });
    expect(config.port).toBe(9100);
    expect(config.dataDir).toBe('/srv/telusur');
  });

  it('names the bad variable and the reason', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: harus berupa angka \/ must be a number/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: harus 0–65535/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: .*postgres/);
    expect(() => loadConfig({ TELUSUR_ADMIN_PASSWORD: 'short' })).toThrow(/TELUSUR_ADMIN_PASSWORD: .*12/);
  });

  it('rejects unknown keys in the config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'telusur-config-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ prot: 1 }));
    expect(() => loadConfig({ TELUSUR_CONFIG: file })).toThrow(/unknown key "prot"/);
  });
});
