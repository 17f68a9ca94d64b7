import 'server-only';
import { and, inArray, lt } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox, type outboxStatusEnum } from '@/db/schema';

/**
 * The emails the delivery log forgets. Never `queued` or `sending` (still on their way) nor
 * `held` (its link is shown for the host to share and may not be shared yet). A `failed`
 * email keeps its payload for Resend, but only until the retention ends, like a sent one.
 */
const finished: (typeof outboxStatusEnum.enumValues)[number][] = ['sent', 'failed', 'cancelled'];

/**
 * Up to `limit` finished emails whose retention ended before `before`, locked (SKIP LOCKED: a
 * Resend or another instance's sweep holding one is left alone). The retention counts from
 * when an email finished: `updated_at`, set by every change of status and by nothing after it
 * (`sent_at` exists for sent ones only). A held email cancelled today, or a failure at the end
 * of a day of retries, keeps its full retention. `updated_at` has no index, but it is never
 * before `created_at`, so `created_at < before` is implied and lets the delivery log's
 * (status, created_at, id) index find the candidates: those created long ago but finished
 * lately are read and kept, and they are few.
 */
export function oldEmails(db: Database, options: { before: Date; limit: number }) {
  return db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        inArray(outbox.status, finished),
        lt(outbox.createdAt, options.before),
        lt(outbox.updatedAt, options.before),
      ),
    )
    .limit(options.limit)
    .for('update', { skipLocked: true });
}

/** Deletes the emails `oldEmails` finds; returns how many. */
export async function deleteOldEmails(
  db: Database,
  options: { before: Date; limit: number },
): Promise<number> {
  const deleted = await db
    .delete(outbox)
    .where(inArray(outbox.id, oldEmails(db, options)))
    .returning({ id: outbox.id });
  return deleted.length;
}
