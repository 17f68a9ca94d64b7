import { count } from 'drizzle-orm';
import journal from '@/db/migrations/meta/_journal.json';
import type { Database } from '@/db/database';
import { rootCause } from '@/lib/errors/root-cause';
import { drizzleMigrations } from './migrations-table';

export interface MigrationStatus {
  applied: number;
  expected: number;
  pending: number;
}

/**
 * How many of this version's committed migrations the database has. A database no migrator
 * ever touched has no bookkeeping table yet: that counts as none applied.
 */
export async function readMigrationStatus(db: Database): Promise<MigrationStatus> {
  const expected = journal.entries.length;
  let applied = 0;
  try {
    const [row] = await db.select({ applied: count() }).from(drizzleMigrations);
    applied = row?.applied ?? 0;
  } catch (error) {
    // 42P01: undefined_table. Anything else (connection lost, …) is the caller's to report.
    if (rootCause(error).code !== '42P01') throw error;
  }
  return { applied, expected, pending: Math.max(0, expected - applied) };
}
