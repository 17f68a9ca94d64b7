import 'server-only';
import { getDb } from '@/lib/database/configured-database';
import { sweepExpiredRowsOrLog } from '@/lib/maintenance/sweep-expired-rows';
import { drainOutboxOnce } from './kick-outbox';

const sweepEveryMs = 30_000;

/** Sends what is due, and beside it (never in its way) deletes sessions and counts that are over. */
function sweep(): void {
  void drainOutboxOnce();
  void getDb().then(sweepExpiredRowsOrLog, (error: unknown) =>
    console.error('Deleting expired rows failed:', error instanceof Error ? error.message : error),
  );
}

/**
 * In a long-running server: retries and emails left by a crashed sender are picked up by a
 * periodic sweep, which also keeps the sessions and throttle tables from growing. (Serverless
 * deployments call /api/cron/outbox instead.)
 */
export function startOutboxSweep(): void {
  const timer = setInterval(sweep, sweepEveryMs);
  timer.unref();
  sweep();
}
