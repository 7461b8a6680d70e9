// Browser-test harness: starts the REAL server (`node bin/telusur.js serve`) on embedded defaults
// in a fresh temporary data folder, talks to its API to set up scenarios, and drives Debian's
// Chromium through playwright-core. Nothing here imitates the server.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const screenshotDir = join(repoRoot, 'web', 'test-results');
export const adminEmail = 'admin@telusur.local';
export const adminPassword = 'uji-admin-Rahasia-2026';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export type RunningServer = { baseUrl: string; dataDir: string; stop(): Promise<void>; output(): string };

/** `demo: true` first loads the synthetic scenario with `telusur demo` into the new data folder. */
export async function startServer(options: { demo?: boolean } = {}): Promise<RunningServer> {
  for (const needed of ['dist/src/cli/main.js', 'web/dist/index.html']) {
    if (!existsSync(join(repoRoot, needed))) throw new Error(`${needed} is missing: run \`npm run setup\` (it builds the server and the web app) first`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'telusur-e2e-'));
  const port = await freePort();
  let output = '';
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TELUSUR_DATA: dataDir,
    TELUSUR_ADMIN_PASSWORD: adminPassword,
    // Several browser sessions sign in within a minute; the default limit (10/min) is for people.
    TELUSUR_LOGIN_RATE_LIMIT: '1000',
    TELUSUR_LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    REDIS_URL: '',
  };
  if (options.demo) execFileSync(process.execPath, ['bin/telusur.js', 'demo'], { cwd: repoRoot, env, stdio: 'pipe', timeout: 120_000 });
  const child: ChildProcess = spawn(process.execPath, ['bin/telusur.js', 'serve'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`telusur serve exited with ${child.exitCode}:\n${output}`);
    try {
      const health = await fetch(`${baseUrl}/api/v1/health`);
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`telusur serve did not answer /api/v1/health within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in API client (cookie session + CSRF), used to set up what a test needs. */
export class ApiSession {
  private cookie = '';
  private csrf = '';
  constructor(private readonly baseUrl: string) {}

  static async login(baseUrl: string, email: string, password: string): Promise<ApiSession> {
    const session = new ApiSession(baseUrl);
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`login as ${email} failed: ${response.status} ${await response.text()}`);
    session.cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    session.csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
    return session;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const isForm = body instanceof FormData;
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
  // playwright-core gives every plain launch a new, empty temporary --user-data-dir of its own.
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Watched = { page: Page; context: BrowserContext; dialogs: string[]; pageErrors: string[]; consoleErrors: string[] };

/** A fresh context (own cookies) whose page records every dialog and uncaught error. */
export async function openPage(browser: Browser, baseUrl: string, width = 1280): Promise<Watched> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width, height: width < 600 ? 844 : 900 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Console errors include CSP violations and React warnings; a 4xx answer the page shows is not one.
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) consoleErrors.push(message.text());
  });
  return { page, context, dialogs, pageErrors, consoleErrors };
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/^(Email|E-mail)/).fill(email);
  await page.getByLabel(/^(Kata sandi|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
  await page.getByRole('navigation').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Text a missing translation leaves on screen (see i18n/messages.ts). */
export async function missingTranslations(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return [...text.matchAll(/⟦[^⟧]+⟧/g)].map((m) => m[0]);
}
