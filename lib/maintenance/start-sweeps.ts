import 'server-only';
import { getDb } from '@/lib/database/configured-database';
import { drainOutboxOnce } from '@/lib/outbox/kick-outbox';
import { sweepExpiredRows } from './sweep-expired-rows';
import { rootMessage } from '@/lib/errors/root-cause';
import { log } from '@/lib/log/logger';

const sweepEveryMs = 30_000;

/** Sends what is due, and beside it (never in its way) deletes the rows that are over. */
function sweep(): void {
  void drainOutboxOnce();
  void getDb().then(sweepExpiredRows, (error: unknown) =>
    log.error(`Deleting expired rows failed: ${rootMessage(error)}`),
  );
}

/**
 * In a long-running server: retries and emails left by a crashed sender are picked up by a
 * periodic sweep, which also keeps the sessions, throttle, delivery log and link tables from
 * growing without end. (Serverless deployments call /api/cron/outbox instead.)
 */
export function startSweeps(): void {
  const timer = setInterval(sweep, sweepEveryMs);
  timer.unref();
  sweep();
}
