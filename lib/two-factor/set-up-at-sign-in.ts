import 'server-only';
import type { Database } from '@/db/database';
import type { TwoFactorMethod } from '@/db/schema';
import { createSession } from '@/lib/auth/sessions';
import { secondStepSucceeded, takeSecondStepAttempt } from '@/lib/auth/sign-in-throttle';
import {
  confirmAuthenticator,
  startAuthenticatorSetup,
  type StartAuthenticatorResult,
} from './authenticator-setup';
import { confirmEmailCode, startEmailSetup, type StartEmailSetupResult } from './email-setup';
import { countRefusedCode } from './count-refused-code';
import { endSignInChallenge, readSignInChallenge } from './sign-in-challenge';
import { storedUserAgent, type AuditActor } from '@/lib/audit/audit-actor';

/**
 * The host requires a second step the user has no way to pass yet: right after the password,
 * before any page, they set up an authenticator. Only a live `set_up` challenge may do this.
 */
export async function startSetUpAtSignIn(
  db: Database,
  challengeToken: string | null | undefined,
  /** The host's name: the app lists the entry under it. */
  issuer: string,
): Promise<StartAuthenticatorResult | { ok: false; reason: 'expired' }> {
  const challenge = await readSignInChallenge(db, challengeToken);
  if (!challenge || challenge.step !== 'set_up') return { ok: false, reason: 'expired' };
  return startAuthenticatorSetup(db, {
    userId: challenge.userId,
    email: challenge.email,
    issuer,
  });
}

export type FinishSetUpResult =
  | { ok: true; sessionToken: string; recoveryCodes: string[] | null }
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'ended' }
  | { ok: false; reason: 'notStarted' }
  | { ok: false; reason: 'expiredCode' }
  | { ok: false; reason: 'throttled'; retryAt: Date }
  | { ok: false; reason: 'wrongCode'; attemptsLeft: number };

/**
 * Emails a code to the user's own address to turn emailed codes on, as the method this
 * sign-in sets up (only while SMTP is on).
 */
export async function startEmailSetUpAtSignIn(
  db: Database,
  challengeToken: string | null | undefined,
): Promise<StartEmailSetupResult | { ok: false; reason: 'expired' }> {
  const challenge = await readSignInChallenge(db, challengeToken);
  if (!challenge || challenge.step !== 'set_up') return { ok: false, reason: 'expired' };
  return startEmailSetup(db, {
    id: challenge.userId,
    email: challenge.email,
    language: challenge.language,
  });
}

/**
 * Confirms the new method (the authenticator's first code, or the code emailed to set up
 * emailed codes) and, with it, finishes the sign-in: the challenge ends and the session opens.
 * Codes are counted like the second step's.
 */
export async function finishSetUpAtSignIn(
  db: Database,
  options: {
    challengeToken: string | null | undefined;
    method: TwoFactorMethod;
    code: string;
    clientAddress: string | null;
    userAgent?: string | null;
  },
): Promise<FinishSetUpResult> {
  const challenge = await readSignInChallenge(db, options.challengeToken);
  if (!challenge || challenge.step !== 'set_up') return { ok: false, reason: 'expired' };
  const who = { userId: challenge.userId, clientAddress: options.clientAddress };
  const admission = await takeSecondStepAttempt(db, who);
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };

  const code = options.code.replace(/\s/g, '');
  // Past the password but not signed in yet: recorded as the visitor finishing the sign-in.
  const visitor: AuditActor = {
    kind: 'visitor',
    clientAddress: options.clientAddress,
    userAgent: storedUserAgent(options.userAgent),
  };
  const confirmed =
    options.method === 'email'
      ? await confirmEmailCode(db, { userId: challenge.userId, code, actor: visitor })
      : await confirmAuthenticator(db, { userId: challenge.userId, code, actor: visitor });
  if (!confirmed.ok) {
    if (confirmed.reason === 'notStarted' || confirmed.reason === 'expiredCode') {
      return { ok: false, reason: confirmed.reason };
    }
    const attemptsLeft = await countRefusedCode(db, {
      challenge,
      visitor,
      code: options.method === 'email' ? 'email' : 'authenticator',
      reason: 'wrongCode',
      throttled: admission.blockedUntil !== null,
    });
    if (attemptsLeft === 0) return { ok: false, reason: 'ended' };
    return admission.blockedUntil
      ? { ok: false, reason: 'throttled', retryAt: admission.blockedUntil }
      : { ok: false, reason: 'wrongCode', attemptsLeft };
  }
  // The method stays set up even if this sign-in was finished elsewhere meanwhile: the user
  // then signs in again, with it.
  const sessionToken = await db.transaction(async (tx) => {
    if (!(await endSignInChallenge(tx, challenge.tokenHash))) return null;
    return createSession(tx, {
      userId: challenge.userId,
      userAgent: options.userAgent,
      clientAddress: options.clientAddress,
      proof: 'setUp',
    });
  });
  if (!sessionToken) return { ok: false, reason: 'expired' };
  await secondStepSucceeded(db, who);
  return { ok: true, sessionToken, recoveryCodes: confirmed.recoveryCodes };
}
