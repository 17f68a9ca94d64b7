import { databaseUrl, dataDir } from '@/lib/env';
import type { Database, DatabaseHandle } from './database';
import { openPglite } from './open-pglite';
import { openPostgres } from './open-postgres';

/** Opens the database the environment names: DATABASE_URL, or embedded PostgreSQL in the data folder. */
export async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const url = databaseUrl();
  return url ? openPostgres(url) : openPglite(dataDir());
}

// One handle per process, kept on globalThis: Next bundles instrumentation and routes
// separately, and two PGlite instances on one folder would corrupt it.
const holder = globalThis as typeof globalThis & { gatehouseDatabase?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  holder.gatehouseDatabase ??= openConfiguredDatabase().catch((error: unknown) => {
    holder.gatehouseDatabase = undefined;
    throw error;
  });
  return holder.gatehouseDatabase;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
