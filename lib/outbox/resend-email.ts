import 'server-only';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox } from '@/db/schema';
import { activeMailAllowlist, allowsRecipient } from '@/lib/mail/allowlist';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';

export type ResendOutcome = 'queued' | 'held' | 'notResendable';

/**
 * Puts a failed or held email back in the queue, due now, with a fresh set of retries; one to
 * an address the allow-list does not allow stays (or becomes) held instead. Recorded in the
 * audit log in the same transaction.
 */
export async function resendEmail(
  db: Database,
  options: { id: string; actor: AuditActor },
): Promise<ResendOutcome> {
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
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(outbox)
      .set(
        allowed
          ? { status: 'queued', attempts: 0, nextAttemptAt: new Date(), updatedAt: new Date() }
          : { status: 'held', updatedAt: new Date() },
      )
      .where(resendable)
      .returning({ kind: outbox.kind, recipientUserId: outbox.recipientUserId });
    if (!updated) return 'notResendable';
    const outcome = allowed ? 'queued' : 'held';
    await recordEvent(tx, options.actor, {
      type: 'email.resent',
      target: { kind: 'user', id: updated.recipientUserId, label: email.recipient },
      details: { kind: updated.kind, outcome },
    });
    return outcome;
  });
}
