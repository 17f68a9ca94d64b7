import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox } from '@/db/schema';
import type { SmtpDiagnosis } from '@/lib/smtp/smtp-diagnosis';

// Each update applies only while the row is still this sender's claim (same attempt number):
// a sender whose lease ran out must not overwrite what the next sender recorded.
function stillClaimed(id: string, attempts: number) {
  return and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.attempts, attempts));
}

export async function markSent(
  db: Database,
  claim: { id: string; attempts: number },
  messageId: string,
) {
  await db
    .update(outbox)
    .set({
      status: 'sent',
      messageId,
      sentAt: new Date(),
      updatedAt: new Date(),
      leaseUntil: null,
      lastError: null,
      // The payload holds a live link: once delivered it is not kept.
      payloadEncrypted: null,
    })
    .where(stillClaimed(claim.id, claim.attempts));
}

export async function markFailed(
  db: Database,
  claim: { id: string; attempts: number },
  diagnosis: SmtpDiagnosis,
) {
  await db
    .update(outbox)
    .set({ status: 'failed', lastError: diagnosis, leaseUntil: null, updatedAt: new Date() })
    .where(stillClaimed(claim.id, claim.attempts));
}

export async function scheduleRetry(
  db: Database,
  claim: { id: string; attempts: number },
  diagnosis: SmtpDiagnosis,
  delayMs: number,
) {
  await db
    .update(outbox)
    .set({
      status: 'queued',
      lastError: diagnosis,
      leaseUntil: null,
      nextAttemptAt: new Date(Date.now() + delayMs),
      updatedAt: new Date(),
    })
    .where(stillClaimed(claim.id, claim.attempts));
}

/** Holds a claimed email instead of sending it: its recipient is outside the allow-list. */
export async function markHeld(db: Database, claim: { id: string; attempts: number }) {
  await db
    .update(outbox)
    .set({ status: 'held', leaseUntil: null, updatedAt: new Date() })
    .where(stillClaimed(claim.id, claim.attempts));
}
