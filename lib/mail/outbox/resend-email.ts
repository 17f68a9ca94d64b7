import 'server-only';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox } from '@/db/schema';

/** Puts a failed or held email back in the queue, due now, with a fresh set of retries. */
export async function resendEmail(db: Database, options: { id: string }): Promise<boolean> {
  const updated = await db
    .update(outbox)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(outbox.id, options.id),
        inArray(outbox.status, ['failed', 'held']),
        isNotNull(outbox.payloadEncrypted),
      ),
    )
    .returning({ id: outbox.id });
  return updated.length > 0;
}
