import 'server-only';
import { eq, TransactionRollbackError } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { signInChallenges } from '@/db/schema';
import { takeAttempts } from '@/lib/throttle/throttle';
import {
  emailCodeLifetimeMs,
  emailCodeResendAfterMs,
  hashEmailCode,
  newEmailCode,
} from './email-code';
import { queueCodeEmail } from './queue-code-email';
import type { UsableMethods } from './second-step';
import type { SignInChallenge } from './sign-in-challenge';

export type SendSignInCodeResult =
  | { ok: true; sentTo: string }
  /** The last code went out moments ago: it is on its way. */
  | { ok: false; reason: 'tooSoon'; retryAt: Date }
  | { ok: false; reason: 'throttled'; retryAt: Date }
  /** No emailed codes for this user now (not set up, or SMTP off). */
  | { ok: false; reason: 'unavailable' };

/** Emails per user for sign-in codes: a password thief cannot flood the owner's inbox. */
function codeEmailRule(userId: string) {
  return { key: `sign-in:code-email:${userId}`, limit: 5, windowMinutes: 15, blockMinutes: 15 };
}

/**
 * Emails a new six-digit code for the second step of this sign-in: it replaces the one before
 * (which then is refused as replaced), lives 10 minutes, and is kept only as a keyed hash.
 * `usable` is what the user can pass the step with now (readUsableMethods).
 */
export async function sendSignInCode(
  db: Database,
  challenge: SignInChallenge,
  usable: Pick<UsableMethods, 'email'>,
): Promise<SendSignInCodeResult> {
  if (challenge.step !== 'verify' || !usable.email) {
    return { ok: false, reason: 'unavailable' };
  }
  const now = Date.now();
  const sentAt = challenge.emailCodeSentAt?.getTime();
  if (sentAt && now - sentAt < emailCodeResendAfterMs) {
    return { ok: false, reason: 'tooSoon', retryAt: new Date(sentAt + emailCodeResendAfterMs) };
  }
  const admission = await takeAttempts(db, [codeEmailRule(challenge.userId)]);
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };

  const code = newEmailCode();
  const expiresAt = new Date(now + emailCodeLifetimeMs);
  const queued = await db
    .transaction(async (tx) => {
      await tx
        .update(signInChallenges)
        .set({
          emailCodeHash: hashEmailCode(code, challenge.tokenHash),
          replacedEmailCodeHash: challenge.emailCodeHash,
          emailCodeExpiresAt: expiresAt,
          emailCodeSentAt: new Date(now),
        })
        .where(eq(signInChallenges.tokenHash, challenge.tokenHash));
      const emailId = await queueCodeEmail(tx, {
        user: { id: challenge.userId, email: challenge.email, language: challenge.language },
        purpose: 'signIn',
        code,
        expiresAt,
      });
      // SMTP switched off in between: no code that nobody can receive.
      if (!emailId) tx.rollback();
      return emailId;
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError) return null;
      throw error;
    });
  if (!queued) return { ok: false, reason: 'unavailable' };
  return { ok: true, sentTo: challenge.email };
}
