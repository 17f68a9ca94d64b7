import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { DatabaseHandle } from '@/db/database';
import { runMigrations } from '@/db/migrate';
import { describePostgresUrl, openPostgres } from '@/db/open-postgres';
import { harnessMarker } from './postgres-cluster';

export interface TestDatabase {
  url: string;
  name: string;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/**
 * Refuses any server but a throwaway cluster started by the harness (it marks its maintenance
 * database), so a stray DATABASE_URL can never let a test create or drop real databases.
 */
async function assertHarnessServer(admin: postgres.Sql, adminUrl: string): Promise<void> {
  const [row] = await admin<{ marker: string | null }[]>`
    select shobj_description(oid, 'pg_database') as marker
    from pg_database where datname = current_database()`;
  if (row?.marker !== harnessMarker) {
    throw new Error(
      `Refusing to run tests against ${describePostgresUrl(adminUrl)}: it is not a PostgreSQL cluster started by the test harness`,
    );
  }
}

/**
 * A fresh database in the harness cluster, named after the caller for debugging; migrated
 * unless `migrate` is false (a deploy that has not run its migrations yet).
 */
export async function createTestDatabase(
  adminUrl: string,
  label = 'test',
  { migrate = true }: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const name = `${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await assertHarnessServer(admin, adminUrl);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const handle = openPostgres(url, { maxConnections: 5 });
  if (migrate) await runMigrations(handle);
  return {
    url,
    name,
    handle,
    async drop() {
      await handle.close();
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
