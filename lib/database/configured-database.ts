import { databaseUrl, dataDir } from '@/lib/env';
import type { Database, DatabaseHandle } from '@/db/database';
import { heldDatabase, holdDatabase } from '@/db/database-holder';
import { openPglite } from '@/db/open-pglite';
import { openPostgres } from '@/db/open-postgres';

/** Opens the database the environment names: DATABASE_URL, or embedded PostgreSQL in the data folder. */
export async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const url = databaseUrl();
  return url ? openPostgres(url) : openPglite(dataDir());
}

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  return heldDatabase() ?? holdDatabase(openConfiguredDatabase());
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
