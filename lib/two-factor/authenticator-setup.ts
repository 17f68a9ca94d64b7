import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { twoFactorMethods } from '@/db/schema';
import { toBase32 } from './base32';
import { firstRecoveryCodes } from './recovery-codes';
import { matchTotpStep, newTotpSecret, totpUri } from './totp';
import { openTotpSecret, sealTotpSecret } from './totp-secret';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordTwoFactorEvent } from './record-two-factor-event';

export type StartAuthenticatorResult =
  { ok: true; secret: string; uri: string } | { ok: false; reason: 'alreadySetUp' };

/**
 * Offers a new authenticator secret to the user: kept, sealed and unconfirmed, until a first
 * code from the app proves it was scanned. Pressing "Set up" again offers a fresh one.
 */
export async function startAuthenticatorSetup(
  db: Database,
  options: { userId: string; email: string; issuer: string },
): Promise<StartAuthenticatorResult> {
  const secret = newTotpSecret();
  const sealedSecret = sealTotpSecret(secret);
  // Replaces a set-up in progress, never a confirmed method.
  const [row] = await db
    .insert(twoFactorMethods)
    .values({ userId: options.userId, method: 'totp', sealedSecret })
    .onConflictDoUpdate({
      target: [twoFactorMethods.userId, twoFactorMethods.method],
      set: { sealedSecret, createdAt: new Date() },
      setWhere: isNull(twoFactorMethods.confirmedAt),
    })
    .returning({ userId: twoFactorMethods.userId });
  if (!row) return { ok: false, reason: 'alreadySetUp' };
  return {
    ok: true,
    secret: toBase32(secret),
    uri: totpUri(secret, { issuer: options.issuer, email: options.email }),
  };
}

export type ConfirmAuthenticatorResult =
  | {
      ok: true;
      /** A first set of recovery codes, to show once; null when the user already had some. */
      recoveryCodes: string[] | null;
    }
  | { ok: false; reason: 'wrongCode' | 'notStarted' };

/**
 * Turns the offered secret into the user's method once a code from the app matches (one step
 * either side, like every later sign-in). The user's first method comes with recovery codes.
 */
export async function confirmAuthenticator(
  db: Database,
  options: { userId: string; code: string; at?: Date; actor: AuditActor },
): Promise<ConfirmAuthenticatorResult> {
  const [pending] = await db
    .select({ sealedSecret: twoFactorMethods.sealedSecret })
    .from(twoFactorMethods)
    .where(
      and(
        eq(twoFactorMethods.userId, options.userId),
        eq(twoFactorMethods.method, 'totp'),
        isNull(twoFactorMethods.confirmedAt),
      ),
    )
    .limit(1);
  if (!pending?.sealedSecret) return { ok: false, reason: 'notStarted' };
  const step = matchTotpStep(openTotpSecret(pending.sealedSecret), options.code, {
    at: options.at ?? new Date(),
    lastUsedStep: null,
  });
  if (step === null) return { ok: false, reason: 'wrongCode' };

  return db.transaction(async (tx) => {
    const confirmed = await tx
      .update(twoFactorMethods)
      .set({ confirmedAt: new Date(), lastUsedStep: step })
      .where(
        and(
          eq(twoFactorMethods.userId, options.userId),
          eq(twoFactorMethods.method, 'totp'),
          isNull(twoFactorMethods.confirmedAt),
          // The secret the code was checked against, not one a second "Set up" put there since.
          eq(twoFactorMethods.sealedSecret, pending.sealedSecret!),
        ),
      )
      .returning({ userId: twoFactorMethods.userId });
    if (confirmed.length === 0) return { ok: false, reason: 'notStarted' } as const;
    await recordTwoFactorEvent(tx, options.actor, {
      type: 'user.twoFactorAdded',
      userId: options.userId,
      details: { method: 'authenticator' },
    });
    return { ok: true, recoveryCodes: await firstRecoveryCodes(tx, options.userId) } as const;
  });
}
