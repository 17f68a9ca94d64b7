import path from 'node:path';
import { describePostgresUrl } from '@/db/open-postgres';
import type { DatabaseDriver } from '@/db/database';
import { databaseUrl, dataDir } from '@/lib/env';

/** Which database the environment selects, described for log lines and errors. */
export function configuredDatabaseLocation(): { driver: DatabaseDriver; location: string } {
  const url = databaseUrl();
  return url
    ? { driver: 'postgres', location: describePostgresUrl(url) }
    : { driver: 'pglite', location: path.join(dataDir(), 'pglite') };
}
