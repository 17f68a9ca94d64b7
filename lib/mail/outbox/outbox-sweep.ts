import 'server-only';
import { drainOutboxOnce } from './kick-outbox';

const sweepEveryMs = 30_000;

/**
 * In a long-running server: retries and emails left by a crashed sender are picked up by a
 * periodic sweep. (Serverless deployments call /api/cron/outbox instead.)
 */
export function startOutboxSweep(): void {
  const timer = setInterval(() => void drainOutboxOnce(), sweepEveryMs);
  timer.unref();
  void drainOutboxOnce();
}
