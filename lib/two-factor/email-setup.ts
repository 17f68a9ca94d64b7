import 'server-only';
import { and, eq, isNull, TransactionRollbackError } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { twoFactorMethods } from '@/db/schema';
import { secondStepSucceeded, takeSecondStepAttempt } from '@/lib/auth/sign-in-throttle';
import type { Locale } from '@/lib/i18n/locales';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { takeAttempts } from '@/lib/throttle/throttle';
import {
  emailCodeLifetimeMs,
  emailCodeMatches,
  emailCodeResendAfterMs,
  hashEmailCode,
  newEmailCode,
  readEmailCode,
} from './email-code';
import { queueCodeEmail } from './queue-code-email';
import { firstRecoveryCodes } from './recovery-codes';
import { readTwoFactorPolicy, twoFactorInUse } from './two-factor-policy';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordTwoFactorEvent } from './record-two-factor-event';

// Profile → Two-factor sign-in → Emailed code: turned on once a code sent to the user's own
// address comes back, which proves the address receives this host's email.

const setupScope = (userId: string) => `set-up:${userId}`;

export type StartEmailSetupResult =
  | { ok: true; sentTo: string }
  | { ok: false; reason: 'turnedOff' | 'smtpOff' | 'alreadySetUp' }
  | { ok: false; reason: 'tooSoon' | 'throttled'; retryAt: Date };

export async function startEmailSetup(
  db: Database,
  user: { id: string; email: string; language: Locale },
): Promise<StartEmailSetupResult> {
  if (!twoFactorInUse(await readTwoFactorPolicy(db))) return { ok: false, reason: 'turnedOff' };
  if (!(await isSmtpEnabled(db))) return { ok: false, reason: 'smtpOff' };
  const [existing] = await db
    .select({ confirmedAt: twoFactorMethods.confirmedAt, sentAt: twoFactorMethods.setupCodeSentAt })
    .from(twoFactorMethods)
    .where(and(eq(twoFactorMethods.userId, user.id), eq(twoFactorMethods.method, 'email')))
    .limit(1);
  if (existing?.confirmedAt) return { ok: false, reason: 'alreadySetUp' };
  const now = Date.now();
  const sentAt = existing?.sentAt?.getTime();
  if (sentAt && now - sentAt < emailCodeResendAfterMs) {
    return { ok: false, reason: 'tooSoon', retryAt: new Date(sentAt + emailCodeResendAfterMs) };
  }
  const admission = await takeAttempts(db, [
    { key: `two-factor:email-set-up:${user.id}`, limit: 5, windowMinutes: 15, blockMinutes: 15 },
  ]);
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };

  const code = newEmailCode();
  const expiresAt = new Date(now + emailCodeLifetimeMs);
  const pending = {
    setupCodeHash: hashEmailCode(code, setupScope(user.id)),
    setupCodeExpiresAt: expiresAt,
    setupCodeSentAt: new Date(now),
  };
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(twoFactorMethods)
        .values({ userId: user.id, method: 'email', ...pending })
        .onConflictDoUpdate({
          target: [twoFactorMethods.userId, twoFactorMethods.method],
          set: pending,
          setWhere: isNull(twoFactorMethods.confirmedAt),
        })
        .returning({ userId: twoFactorMethods.userId });
      if (!row) tx.rollback();
      const emailId = await queueCodeEmail(tx, { user, purpose: 'setUp', code, expiresAt });
      if (!emailId) tx.rollback();
    });
  } catch (error) {
    // Confirmed meanwhile in another tab, or SMTP switched off: say the likelier.
    if (error instanceof TransactionRollbackError) return { ok: false, reason: 'smtpOff' };
    throw error;
  }
  return { ok: true, sentTo: user.email };
}

export type ConfirmEmailSetupResult =
  | { ok: true; recoveryCodes: string[] | null }
  | { ok: false; reason: 'turnedOff' | 'notStarted' | 'wrongCode' | 'expiredCode' }
  | { ok: false; reason: 'throttled'; retryAt: Date };

/** The code from the email turns emailed codes on; a first method comes with recovery codes. */
export async function confirmEmailSetup(
  db: Database,
  options: { userId: string; code: string; clientAddress: string | null; actor: AuditActor },
): Promise<ConfirmEmailSetupResult> {
  if (!twoFactorInUse(await readTwoFactorPolicy(db))) return { ok: false, reason: 'turnedOff' };
  const who = { userId: options.userId, clientAddress: options.clientAddress };
  const admission = await takeSecondStepAttempt(db, who);
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };
  const result = await confirmEmailCode(db, options);
  if (result.ok) await secondStepSucceeded(db, who);
  else if (result.reason === 'wrongCode' && admission.blockedUntil) {
    return { ok: false, reason: 'throttled', retryAt: admission.blockedUntil };
  }
  return result;
}

/**
 * Checks the set-up code and, when it is right and alive, confirms the method; the caller
 * counts the attempt. A first method comes with recovery codes.
 */
export async function confirmEmailCode(
  db: Database,
  options: { userId: string; code: string; actor: AuditActor },
): Promise<
  | { ok: true; recoveryCodes: string[] | null }
  | { ok: false; reason: 'notStarted' | 'wrongCode' | 'expiredCode' }
> {
  const [pending] = await db
    .select({
      hash: twoFactorMethods.setupCodeHash,
      expiresAt: twoFactorMethods.setupCodeExpiresAt,
    })
    .from(twoFactorMethods)
    .where(
      and(
        eq(twoFactorMethods.userId, options.userId),
        eq(twoFactorMethods.method, 'email'),
        isNull(twoFactorMethods.confirmedAt),
      ),
    )
    .limit(1);
  if (!pending?.hash) return { ok: false, reason: 'notStarted' };
  const scope = setupScope(options.userId);
  if (!emailCodeMatches(readEmailCode(options.code), pending.hash, scope)) {
    return { ok: false, reason: 'wrongCode' };
  }
  if (!pending.expiresAt || pending.expiresAt <= new Date()) {
    return { ok: false, reason: 'expiredCode' };
  }
  return db.transaction(async (tx) => {
    const confirmed = await tx
      .update(twoFactorMethods)
      .set({
        confirmedAt: new Date(),
        setupCodeHash: null,
        setupCodeExpiresAt: null,
        setupCodeSentAt: null,
      })
      .where(
        and(
          eq(twoFactorMethods.userId, options.userId),
          eq(twoFactorMethods.method, 'email'),
          eq(twoFactorMethods.setupCodeHash, pending.hash!),
          isNull(twoFactorMethods.confirmedAt),
        ),
      )
      .returning({ userId: twoFactorMethods.userId });
    if (confirmed.length === 0) return { ok: false, reason: 'notStarted' } as const;
    await recordTwoFactorEvent(tx, options.actor, {
      type: 'user.twoFactorAdded',
      userId: options.userId,
      details: { method: 'email' },
    });
    return { ok: true, recoveryCodes: await firstRecoveryCodes(tx, options.userId) } as const;
  });
}
