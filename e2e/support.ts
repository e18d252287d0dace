import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr !== null ? addr.port : 0));
    });
  });
}

export interface TestServer {
  readonly url: string;
  readonly dataDir: string;
  readonly output: string[];
  stop(): Promise<void>;
}

/** Start the real server (as `npm start` would) on a fresh embedded database and a free port. */
export async function startServer(options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketapath-e2e-'));
  const output: string[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), path.resolve('packages/server/src/main.ts'), ...(options.demo === true ? ['--demo'] : [])],
    {
      env: { ...process.env, DATABASE_URL: '', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: process.env.KP_E2E_LOG ?? 'warn', PUBLIC_URL: `http://127.0.0.1:${port}`, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`server exited: ${output.join('')}`);
    }
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) {
        break;
      }
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready: ${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    dataDir,
    output,
    async stop() {
      const running = (): boolean => child.exitCode === null;
      if (running()) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (running()) {
          child.kill('SIGKILL');
        }
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new browser context (its own cookies) with a page that fails the test on page errors. */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 860 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.KP_SCREENSHOTS !== undefined) {
    fs.mkdirSync(process.env.KP_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(process.env.KP_SCREENSHOTS, `${name}.png`), fullPage: true });
  }
}
