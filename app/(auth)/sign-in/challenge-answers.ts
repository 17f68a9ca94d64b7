import 'server-only';
import { headers } from 'next/headers';
import { clientAddressFrom } from '@/lib/auth/client-address';
import type { Translate } from '@/lib/i18n/translate';
import { clearChallengeCookie, readChallengeCookie } from '@/lib/sign-in/challenge-cookie';
import { setSessionCookie } from '@/lib/sign-in/session-cookie-writer';
import { minutesUntil } from '@/lib/throttle/minutes-until';

// What the second step's actions (a code, or a method set up) share: the request they act for,
// how they finish a sign-in, and how they refuse alike.

/** The challenge the step's cookie names, and who asks. */
export async function challengeRequest() {
  const requestHeaders = await headers();
  return {
    challengeToken: await readChallengeCookie(),
    clientAddress: clientAddressFrom(requestHeaders),
    userAgent: requestHeaders.get('user-agent'),
  };
}

/** Signed in: the session's cookie in, the challenge's out. */
export async function finishSignIn(sessionToken: string): Promise<void> {
  await setSessionCookie(sessionToken);
  await clearChallengeCookie();
}

type CommonRefusal =
  | { reason: 'throttled'; retryAt: Date }
  /** Too many wrong codes, or no live challenge: the password again. */
  | { reason: 'ended' | 'expired' };

/** The form error for a refusal every step answers alike; the dead challenge's cookie goes. */
export async function challengeRefusal(refusal: CommonRefusal, t: Translate) {
  if (refusal.reason === 'throttled') {
    return {
      ok: false as const,
      formError: t('twoFactor.throttled', { minutes: minutesUntil(refusal.retryAt) }),
    };
  }
  await clearChallengeCookie();
  return {
    ok: false as const,
    formError: t(refusal.reason === 'ended' ? 'twoFactor.ended' : 'twoFactor.expiredAction'),
  };
}
