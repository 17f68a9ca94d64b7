import 'server-only';
import { and, gt, inArray, max, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { throttle } from '@/db/schema';

/** How many attempts a key may make within a window before it is blocked for a while. */
export interface ThrottleRule {
  key: string;
  limit: number;
  windowMinutes: number;
  blockMinutes: number;
}

/** When the latest block among `keys` ends, if any of them is blocked now. */
export async function blockedUntil(db: Database, keys: string[]): Promise<Date | null> {
  const [row] = await db
    .select({ until: max(throttle.blockedUntil) })
    .from(throttle)
    .where(and(inArray(throttle.key, keys), gt(throttle.blockedUntil, sql`now()`)));
  return row?.until ? new Date(row.until) : null;
}

/**
 * Counts one attempt in a single upsert (safe with several app instances): a window that has
 * passed starts over; reaching the limit blocks the key for the block time.
 */
export async function recordAttempt(db: Database, rule: ThrottleRule): Promise<void> {
  const windowOver = sql`${throttle.windowStartedAt} < now() - make_interval(mins => ${rule.windowMinutes})`;
  const attempts = sql`case when ${windowOver} then 1 else ${throttle.attempts} + 1 end`;
  await db
    .insert(throttle)
    .values({
      key: rule.key,
      attempts: 1,
      blockedUntil:
        rule.limit <= 1 ? sql`now() + make_interval(mins => ${rule.blockMinutes})` : null,
    })
    .onConflictDoUpdate({
      target: throttle.key,
      set: {
        attempts,
        windowStartedAt: sql`case when ${windowOver} then now() else ${throttle.windowStartedAt} end`,
        blockedUntil: sql`case when ${attempts} >= ${rule.limit} then now() + make_interval(mins => ${rule.blockMinutes}) else ${throttle.blockedUntil} end`,
      },
    });
}

export async function clearAttempts(db: Database, keys: string[]): Promise<void> {
  await db.delete(throttle).where(inArray(throttle.key, keys));
}
