import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox } from '@/db/schema';

/**
 * Cancels the emails to a user that have not gone out yet (their links are about to die with
 * the user's access), erasing their content. An email already being sent is left to finish.
 */
export async function cancelEmailsTo(tx: Database, userId: string): Promise<void> {
  await tx
    .update(outbox)
    .set({ status: 'cancelled', payloadEncrypted: null, updatedAt: new Date() })
    .where(
      and(eq(outbox.recipientUserId, userId), inArray(outbox.status, ['queued', 'failed', 'held'])),
    );
}
