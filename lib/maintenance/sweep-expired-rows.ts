import 'server-only';
import type { Database } from '@/db/database';
import { deleteExpiredSessions } from '@/lib/auth/sessions';
import { deleteExpiredAttempts } from '@/lib/throttle/throttle';

/** Rows each table gives up per run: a backlog drains over several runs, never in one long lock. */
const defaultLimit = 500;

export interface SweepResult {
  sessions: number;
  throttle: number;
}

/**
 * Deletes sessions past either limit and throttle counts whose window and block are both over,
 * at most `limit` of each per run; runs beside the outbox sweep (and /api/cron/outbox).
 */
export async function sweepExpiredRows(
  db: Database,
  { limit = defaultLimit }: { limit?: number } = {},
): Promise<SweepResult> {
  return {
    sessions: await deleteExpiredSessions(db, { limit }),
    throttle: await deleteExpiredAttempts(db, { limit }),
  };
}

/** The same, for the periodic sweeps: a failure is logged, never thrown into the outbox's. */
export async function sweepExpiredRowsOrLog(db: Database): Promise<SweepResult | null> {
  try {
    return await sweepExpiredRows(db);
  } catch (error) {
    // The rows stay; the next run tries again.
    console.error(
      'Deleting expired sessions and throttle counts failed:',
      error instanceof Error ? error.message : error,
    );
    return null;
  }
}
