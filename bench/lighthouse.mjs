#!/usr/bin/env node
/**
 * Lighthouse scores of the public pages, run against Debian's Chromium.
 *
 *   node bench/lighthouse.mjs                  # starts its own demo server, audits the default pages
 *   node bench/lighthouse.mjs --url http://127.0.0.1:3000 [--paths /c/demo-riverside,/learn/costs] [--out file.json]
 *
 * Prints performance, accessibility, best-practices and SEO per page, for the mobile (default) and desktop
 * settings, and exits 1 when any score is below 95 (MIN_SCORE). A benchmark, not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIN_SCORE = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const DEFAULT_PATHS = ['/c/demo-riverside', '/learn/how-it-works', '/learn', '/learn/self-check', '/learn/choosing-a-clinic'];
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function arg(name) {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, child, what) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child !== undefined && child.exitCode !== null) {
      throw new Error(`${what} exited early`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) {
        return res;
      }
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} did not start`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function startServer() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketapath-lighthouse-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'packages/server/src/main.ts'), '--demo'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health/ready`, child, 'Ketapath');
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startChromium() {
  const port = await freePort();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ketapath-chromium-'));
  const child = spawn('/usr/bin/chromium', [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
  await waitFor(`http://127.0.0.1:${port}/json/version`, child, 'Chromium');
  return {
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

const given = arg('--url');
const paths = (arg('--paths') ?? DEFAULT_PATHS.join(',')).split(',').filter(Boolean);
const server = given === undefined ? await startServer() : { url: given.replace(/\/+$/, ''), stop: async () => {} };
const chromium = await startChromium();
const rows = [];
let failed = false;
try {
  for (const formFactor of ['mobile', 'desktop']) {
    for (const p of paths) {
      const url = `${server.url}${p}`;
      const flags = { port: chromium.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
      // A trace can fail to record on a busy machine (e.g. NO_NAVSTART): try the page again, up to 3 times.
      let lhr;
      for (let attempt = 1; attempt <= 3; attempt++) {
        const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
        lhr = result?.lhr;
        if (lhr !== undefined && lhr.runtimeError === undefined) {
          break;
        }
        if (attempt === 3) {
          throw new Error(`Lighthouse could not audit ${url}: ${lhr?.runtimeError?.message ?? 'no result'}`);
        }
      }
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
      const below = CATEGORIES.filter((c) => scores[c] < MIN_SCORE);
      const problems = below.flatMap((c) => lhr.categories[c].auditRefs.filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1).map((r) => `${c}: ${r.id}`));
      rows.push({ page: p, formFactor, ...scores, problems });
      failed ||= below.length > 0;
      process.stdout.write(`${formFactor.padEnd(8)} ${p.padEnd(28)} performance ${String(scores.performance).padStart(3)}  accessibility ${String(scores.accessibility).padStart(3)}  best-practices ${String(scores['best-practices']).padStart(3)}  seo ${String(scores.seo).padStart(3)}${below.length > 0 ? `  BELOW ${MIN_SCORE}: ${problems.join(', ')}` : ''}\n`);
    }
  }
} finally {
  await chromium.stop();
  await server.stop();
}
const out = arg('--out');
if (out !== undefined) {
  fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), lighthouse: '12', minScore: MIN_SCORE, rows }, null, 2)}\n`);
}
process.stdout.write(failed ? `\nSome scores are below ${MIN_SCORE}.\n` : `\nAll scores are ${MIN_SCORE} or more.\n`);
process.exit(failed ? 1 : 0);
