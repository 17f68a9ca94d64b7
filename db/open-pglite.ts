import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from './schema';
import type { Database, DatabaseHandle } from './database';
import { acquireDataDirLock } from './data-dir-lock';
import { makeDataDirPrivate } from './private-data-dir';

/**
 * Embedded PostgreSQL in `<dataDir>/pglite`, private to the server's OS user. PGlite does not
 * lock its folder, so a lock file keeps a second process (another server, a CLI) from writing to
 * it at the same time.
 */
export async function openPglite(
  dataDir: string,
  options: { loadFrom?: Blob } = {},
): Promise<DatabaseHandle> {
  const folder = path.join(dataDir, 'pglite');
  makeDataDirPrivate(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const lock = acquireDataDirLock(dataDir);
  try {
    // pg_trgm backs the name searches (migration 0008), as on a PostgreSQL server.
    // loadFrom: a backup (dumpData) unpacked into the empty folder before PostgreSQL starts.
    const client = new PGlite(folder, {
      extensions: { pg_trgm },
      ...(options.loadFrom ? { loadDataDir: options.loadFrom } : {}),
    });
    await client.waitReady;
    // PGlite's file system sets some modes itself (0666 for its first files, 0644 for caches it
    // rewrites), past the umask: tightened again once it is up, and when it closes.
    makeDataDirPrivate(dataDir);
    const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Database;
    return {
      db,
      driver: 'pglite',
      location: folder,
      dumpData: () => client.dumpDataDir('gzip'),
      close: async () => {
        await client.close();
        makeDataDirPrivate(dataDir);
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
