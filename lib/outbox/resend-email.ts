import 'server-only';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox } from '@/db/schema';
import { activeMailAllowlist, allowsRecipient } from '@/lib/mail/allowlist';

export type ResendOutcome = 'queued' | 'held' | 'notResendable';

/**
 * Puts a failed or held email back in the queue, due now, with a fresh set of retries; one to
 * an address the allow-list does not allow stays (or becomes) held instead.
 */
export async function resendEmail(db: Database, options: { id: string }): Promise<ResendOutcome> {
  const resendable = and(
    eq(outbox.id, options.id),
    inArray(outbox.status, ['failed', 'held']),
    isNotNull(outbox.payloadEncrypted),
  );
  const [email] = await db
    .select({ recipient: outbox.recipient })
    .from(outbox)
    .where(resendable)
    .limit(1);
  if (!email) return 'notResendable';
  const allowed = allowsRecipient(activeMailAllowlist(), email.recipient);
  const updated = await db
    .update(outbox)
    .set(
      allowed
        ? { status: 'queued', attempts: 0, nextAttemptAt: new Date(), updatedAt: new Date() }
        : { status: 'held', updatedAt: new Date() },
    )
    .where(resendable)
    .returning({ id: outbox.id });
  if (updated.length === 0) return 'notResendable';
  return allowed ? 'queued' : 'held';
}
