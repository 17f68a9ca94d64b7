import 'server-only';
import type { Database } from '@/db/database';
import type { SignInStep } from '@/db/schema';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { createSession } from '@/lib/auth/sessions';
import { secondStepAfterPassword } from '@/lib/two-factor/second-step';
import { openSignInChallenge } from '@/lib/two-factor/sign-in-challenge';
import { sendSignInCode } from '@/lib/two-factor/send-sign-in-code';
import { metrics } from '@/lib/metrics/registry';

export type SignInResult =
  | { ok: true; userId: string; sessionToken: string }
  /** The password was right; the second step comes next, in the browser holding this token. */
  | {
      ok: false;
      reason: 'secondStep';
      step: SignInStep;
      challengeToken: string;
      /** An emailed code was queued (the caller kicks the outbox). */
      emailQueued: boolean;
    }
  /** One answer for unknown email, wrong password, pending or deactivated user. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * Signs in with an email and password: a session at once, or, when the host's two-factor
 * policy asks for more, a challenge for the second step (never a session).
 */
export async function signIn(
  db: Database,
  options: {
    email: string;
    password: string;
    clientAddress: string | null;
    userAgent?: string | null;
  },
): Promise<SignInResult> {
  const result = await checkPasswordStep(db, options);
  metrics().signIns.inc({ step: 'password', outcome: result.ok ? 'succeeded' : result.reason });
  return result;
}

async function checkPasswordStep(
  db: Database,
  options: {
    email: string;
    password: string;
    clientAddress: string | null;
    userAgent?: string | null;
  },
): Promise<SignInResult> {
  const check = await verifyCredentials(db, options);
  if (!check.ok) return check;
  const second = await secondStepAfterPassword(db, check.user);
  if (second) {
    const { step, usable } = second;
    const { token, challenge } = await openSignInChallenge(db, { user: check.user, step });
    // The code is on its way while the browser turns to the second step's page; if it cannot
    // go (the throttle), the page offers to send one.
    const emailQueued =
      step === 'verify' &&
      usable.preferred === 'email' &&
      (await sendSignInCode(db, challenge, usable)).ok;
    return { ok: false, reason: 'secondStep', step, challengeToken: token, emailQueued };
  }
  const sessionToken = await createSession(db, {
    userId: check.user.id,
    userAgent: options.userAgent,
    clientAddress: options.clientAddress,
    proof: 'password',
  });
  return { ok: true, userId: check.user.id, sessionToken };
}
