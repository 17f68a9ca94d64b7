import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import type { DatabaseHandle } from './database';

const migrationsFolder = path.join(/* turbopackIgnore: true */ process.cwd(), 'db', 'migrations');

/**
 * Applies every committed migration not yet applied, with the migrator of the handle's driver.
 * On PostgreSQL several processes may start at once (instances behind a load balancer): one
 * migrates while the others wait on an advisory lock, then find nothing left to do.
 */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder };
  if (handle.driver === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, config);
    return;
  }
  const db = handle.db as unknown as PostgresJsDatabase & { $client: Sql };
  // A session lock, held on a connection of its own while the migrator uses the pool.
  const lockHolder = await db.$client.reserve();
  try {
    await lockHolder`select pg_advisory_lock(hashtext('gatehouse:migrations'))`;
    await migratePostgres(db, config);
  } finally {
    await lockHolder`select pg_advisory_unlock(hashtext('gatehouse:migrations'))`.catch(() => {});
    lockHolder.release();
  }
}
