import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { throttle } from '@/db/schema';
import { metrics } from '@/lib/metrics/registry';

/** How many attempts a key may make within a window before it is blocked for a while. */
export interface ThrottleRule {
  key: string;
  limit: number;
  windowMinutes: number;
  blockMinutes: number;
}

/**
 * Rows untouched this long are past every rule's window (none is longer): the sweep may delete
 * them, since a missing row and a finished window count the same.
 */
const longestWindowMinutes = 60;

export type Admission =
  | {
      admitted: true;
      /** The block this attempt started by reaching a limit: it stands unless it succeeds. */
      blockedUntil: Date | null;
    }
  | { admitted: false; retryAt: Date };

/**
 * Counts one attempt and decides on it in the same upsert, so that any number of concurrent
 * requests, in any number of processes, admit at most `limit` per window: the row lock orders
 * them and each is judged by the count it made. A window that has passed, or a block that has
 * ended, starts over; the attempt that reaches the limit is admitted and starts the block;
 * attempts during a block are counted (the count passes the limit) and refused.
 */
async function takeAttempt(db: Database, rule: ThrottleRule): Promise<Admission> {
  if (rule.windowMinutes > longestWindowMinutes) throw new Error(`${rule.key}: window too long`);
  const blockedNow = sql`coalesce(${throttle.blockedUntil} > now(), false)`;
  const windowOver = sql`${throttle.windowStartedAt} <= now() - make_interval(mins => ${rule.windowMinutes})`;
  const restart = sql`(not ${blockedNow} and (${windowOver} or ${throttle.blockedUntil} is not null))`;
  const attempts = sql`case when ${restart} then 1 else ${throttle.attempts} + 1 end`;
  const block = sql`now() + make_interval(mins => ${rule.blockMinutes})`;
  const [row] = await db
    .insert(throttle)
    .values({ key: rule.key, attempts: 1, blockedUntil: rule.limit <= 1 ? block : null })
    .onConflictDoUpdate({
      target: throttle.key,
      set: {
        attempts,
        windowStartedAt: sql`case when ${restart} then now() else ${throttle.windowStartedAt} end`,
        blockedUntil: sql`case when ${blockedNow} then ${throttle.blockedUntil} when ${attempts} >= ${rule.limit} then ${block} else null end`,
      },
    })
    .returning({ attempts: throttle.attempts, blockedUntil: throttle.blockedUntil });
  const blockedUntil = row?.blockedUntil ? new Date(row.blockedUntil) : null;
  if (row && row.attempts <= rule.limit) return { admitted: true, blockedUntil };
  return {
    admitted: false,
    retryAt: blockedUntil ?? new Date(Date.now() + rule.blockMinutes * 60_000),
  };
}

/**
 * Takes an attempt under each rule in turn, stopping at the first that refuses (the rules
 * after it count nothing). Admitted, it carries the latest block the attempt started.
 */
/** A rule's kind without whom it counts (`sign-in:email:ada@…` → `sign-in:email`): a label. */
function ruleName(key: string): string {
  return key.split(':').slice(0, 2).join(':');
}

export async function takeAttempts(db: Database, rules: ThrottleRule[]): Promise<Admission> {
  let blockedUntil: Date | null = null;
  for (const rule of rules) {
    const admission = await takeAttempt(db, rule);
    if (!admission.admitted) {
      metrics().throttleRefusals.inc({ rule: ruleName(rule.key) });
      return admission;
    }
    if (admission.blockedUntil && (!blockedUntil || admission.blockedUntil > blockedUntil)) {
      blockedUntil = admission.blockedUntil;
    }
  }
  return { admitted: true, blockedUntil };
}

/**
 * Gives back an admitted attempt that succeeded (a sign-in), so that only failures count: a
 * block stands only while what is left still reaches the limit.
 */
export async function returnAttempt(db: Database, rule: ThrottleRule): Promise<void> {
  await db
    .update(throttle)
    .set({
      attempts: sql`greatest(${throttle.attempts} - 1, 0)`,
      blockedUntil: sql`case when ${throttle.attempts} <= ${rule.limit} then null else ${throttle.blockedUntil} end`,
    })
    .where(sql`${throttle.key} = ${rule.key} and ${throttle.attempts} > 0`);
}

export async function clearAttempts(db: Database, keys: string[]): Promise<void> {
  await db.delete(throttle).where(inArray(throttle.key, keys));
}

/**
 * Deletes at most `limit` rows whose window and block are both over (the same as no row) and
 * returns how many. Rows an attempt is counting on right now are skipped.
 */
export async function deleteExpiredAttempts(
  db: Database,
  { limit }: { limit: number },
): Promise<number> {
  const over = db
    .select({ key: throttle.key })
    .from(throttle)
    .where(
      sql`${throttle.windowStartedAt} < now() - make_interval(mins => ${longestWindowMinutes}) and (${throttle.blockedUntil} is null or ${throttle.blockedUntil} <= now())`,
    )
    .limit(limit)
    .for('update', { skipLocked: true });
  const deleted = await db
    .delete(throttle)
    .where(inArray(throttle.key, over))
    .returning({ key: throttle.key });
  return deleted.length;
}
