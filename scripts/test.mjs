#!/usr/bin/env node
/**
 * `npm test`: every quality gate and test tier, in order of speed.
 *   type-check → lint → import cycles → unit (+ clinical coverage ≥ 95 %) → integration on the embedded
 *   database → integration on PostgreSQL (when DATABASE_URL is set) → browser tests in Chromium.
 * Ends with one plain line "N passed, N failed" (tests plus gates), which CI reads.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (p) => path.join(root, 'node_modules', p);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ketapath-test-report-'));
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary = [];

function run(label, args, env = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: r.status === 0, seconds };
}

function gate(label, args) {
  if (only.length > 0 && !only.includes(label.split(' ')[0])) {
    return;
  }
  const { ok, seconds } = run(label, args);
  if (ok) {
    passed++;
  } else {
    failed++;
  }
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${seconds} s)`);
}

function tier(label, project, env = {}, extra = []) {
  if (only.length > 0 && !only.includes(project)) {
    return;
  }
  const report = path.join(tmp, `${label.replace(/\W+/g, '-')}.json`);
  const { ok, seconds } = run(label, [bin('vitest/vitest.mjs'), 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], env);
  let p = 0;
  let f = 0;
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    p = json.numPassedTests ?? 0;
    f = (json.numFailedTests ?? 0) + (json.numFailedTestSuites ?? 0);
  }
  if (!ok && f === 0) {
    f = 1; // the run failed outside any test (setup, coverage threshold, crash)
  }
  passed += p;
  failed += f;
  summary.push(`${f === 0 ? 'ok  ' : 'FAIL'} ${label}: ${p} passed, ${f} failed (${seconds} s)`);
}

for (const project of ['packages/clinical', 'packages/server', 'packages/web', '.']) {
  gate(`typecheck ${project}`, [bin('typescript/bin/tsc'), '-p', project, '--noEmit']);
}
gate('lint (eslint, errors only)', [bin('eslint/bin/eslint.js'), '--max-warnings', '0', '.']);
gate('cycles (madge)', [bin('madge/bin/cli.js'), '--circular', '--no-spinner', '--extensions', 'ts,tsx', 'packages/clinical/src', 'packages/server/src', 'packages/web/src']);
tier('unit tests (+ clinical core coverage)', 'unit', {}, ['--coverage']);
tier('integration tests on the embedded database (PGlite)', 'integration', { KP_TEST_DB: 'pglite' });
if (process.env.DATABASE_URL) {
  tier('integration tests on PostgreSQL', 'integration', { KP_TEST_DB: 'postgres' });
} else if (only.length === 0) {
  summary.push('skip integration tests on PostgreSQL: set DATABASE_URL to run them');
}
if (fs.existsSync('/usr/bin/chromium')) {
  tier('browser tests (Chromium)', 'browser');
} else if (only.length === 0) {
  summary.push('skip browser tests: /usr/bin/chromium not found (apt-get install -y chromium)');
}

fs.rmSync(tmp, { recursive: true, force: true });
process.stdout.write(`\n${summary.join('\n')}\n\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
