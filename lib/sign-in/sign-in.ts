import 'server-only';
import type { Database } from '@/db/database';
import type { SignInStep } from '@/db/schema';
import { checkPassword } from '@/lib/auth/check-password';
import { createSession } from '@/lib/auth/sessions';
import { secondStepAfterPassword } from '@/lib/two-factor/second-step';
import { openSignInChallenge } from '@/lib/two-factor/sign-in-challenge';

export type SignInResult =
  | { ok: true; userId: string; sessionToken: string }
  /** The password was right; the second step comes next, in the browser holding this token. */
  | { ok: false; reason: 'secondStep'; step: SignInStep; challengeToken: string }
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
  const check = await checkPassword(db, options);
  if (!check.ok) return check;
  const step = await secondStepAfterPassword(db, check.user);
  if (step) {
    const challengeToken = await openSignInChallenge(db, { userId: check.user.id, step });
    return { ok: false, reason: 'secondStep', step, challengeToken };
  }
  const sessionToken = await createSession(db, {
    userId: check.user.id,
    userAgent: options.userAgent,
  });
  return { ok: true, userId: check.user.id, sessionToken };
}
