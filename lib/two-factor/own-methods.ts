import 'server-only';
import type { Database } from '@/db/database';
import { takeSecondStepAttempt, secondStepSucceeded } from '@/lib/auth/sign-in-throttle';
import {
  confirmAuthenticator,
  startAuthenticatorSetup,
  type ConfirmAuthenticatorResult,
  type StartAuthenticatorResult,
} from './authenticator-setup';
import { replaceRecoveryCodes } from './recovery-codes';
import { readTwoFactorPolicy, twoFactorInUse } from './two-factor-policy';
import { hasAnyMethod, readTwoFactorStatus } from './two-factor-status';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordTwoFactorEvent } from './record-two-factor-event';

// A signed-in user's own methods (Profile → Two-factor sign-in). Nothing can be set up while
// the host has two-factor sign-in off.

type TurnedOff = { ok: false; reason: 'turnedOff' };

export async function startOwnAuthenticator(
  db: Database,
  user: { id: string; email: string },
  /** The host's name: the app lists the entry under it. */
  issuer: string,
): Promise<StartAuthenticatorResult | TurnedOff> {
  if (!twoFactorInUse(await readTwoFactorPolicy(db))) return { ok: false, reason: 'turnedOff' };
  return startAuthenticatorSetup(db, { userId: user.id, email: user.email, issuer });
}

/** The first code confirms the app; wrong codes count like the sign-in's second step. */
export async function confirmOwnAuthenticator(
  db: Database,
  options: { userId: string; code: string; clientAddress: string | null; actor: AuditActor },
): Promise<
  ConfirmAuthenticatorResult | TurnedOff | { ok: false; reason: 'throttled'; retryAt: Date }
> {
  if (!twoFactorInUse(await readTwoFactorPolicy(db))) return { ok: false, reason: 'turnedOff' };
  const who = { userId: options.userId, clientAddress: options.clientAddress };
  const admission = await takeSecondStepAttempt(db, who);
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };
  const result = await confirmAuthenticator(db, {
    userId: options.userId,
    code: options.code.replace(/\s/g, ''),
    actor: options.actor,
  });
  if (result.ok) await secondStepSucceeded(db, who);
  else if (admission.blockedUntil) {
    return { ok: false, reason: 'throttled', retryAt: admission.blockedUntil };
  }
  return result;
}

/** A new set of recovery codes, replacing the old; only for a user with a method to back up. */
export async function regenerateOwnRecoveryCodes(
  db: Database,
  userId: string,
  actor: AuditActor,
): Promise<{ ok: true; codes: string[] } | { ok: false; reason: 'noMethod' }> {
  if (!hasAnyMethod(await readTwoFactorStatus(db, userId)))
    return { ok: false, reason: 'noMethod' };
  const codes = await db.transaction(async (tx) => {
    const replaced = await replaceRecoveryCodes(tx, userId);
    await recordTwoFactorEvent(tx, actor, { type: 'user.recoveryCodesRegenerated', userId });
    return replaced;
  });
  return { ok: true, codes };
}
