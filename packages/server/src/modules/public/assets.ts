import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Static files of the public pages, read once at start-up and served with a content hash for caching. */
interface Asset {
  readonly body: Buffer;
  readonly type: string;
  readonly hash: string;
}

function read(name: string, type: string): Asset {
  const body = fs.readFileSync(fileURLToPath(new URL(`./assets/${name}`, import.meta.url)));
  return { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
}

export const PUBLIC_ASSETS: Readonly<Record<string, Asset>> = {
  'public.js': read('public.js', 'text/javascript; charset=utf-8'),
  'favicon.svg': read('favicon.svg', 'image/svg+xml'),
};

/** The versioned URL of an asset (the version changes whenever the file does). */
export function assetUrl(name: string): string {
  return `/public-assets/${name}?v=${PUBLIC_ASSETS[name]?.hash ?? '0'}`;
}
