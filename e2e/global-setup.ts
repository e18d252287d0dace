import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Browser tests run against the production build of the web app, served by the real server. */
export default function setup(): void {
  if (!fs.existsSync('/usr/bin/chromium')) {
    throw new Error('Browser tests need Debian chromium at /usr/bin/chromium (apt-get install -y chromium).');
  }
  const web = path.resolve('packages/web');
  const r = spawnSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) {
    throw new Error('web build failed');
  }
}
