import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from './schema';
import type { Database, DatabaseHandle } from './database';
import { acquireDataDirLock } from './data-dir-lock';

/**
 * Embedded PostgreSQL in `<dataDir>/pglite`. PGlite does not lock its folder, so a
 * lock file keeps a second process (another server, a CLI) from writing to it at the same time.
 */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const folder = path.join(dataDir, 'pglite');
  mkdirSync(folder, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  try {
    const client = new PGlite(folder);
    await client.waitReady;
    const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Database;
    return {
      db,
      driver: 'pglite',
      location: folder,
      close: async () => {
        await client.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
