import path from 'node:path';
import type { Config } from '../config/config';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Database } from './types';

/** PostgreSQL when DATABASE_URL is set; otherwise the embedded, file-backed PGlite in DATA_DIR. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  onError?: (err: Error) => void,
): Promise<Database> {
  if (config.databaseUrl !== undefined) {
    return openPostgres({ url: config.databaseUrl, migrate: true, ...(onError ? { onError } : {}) });
  }
  return openPglite({ dataDir: path.join(config.dataDir, 'embedded'), migrate: true, lock: true });
}
