// Server actions of the second sign-in step, for the challenge the step's cookie names: a code
// (from the authenticator app, from an email, or a recovery code), and "Send a new code".
'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { kickOutbox } from '@/lib/outbox/kick-outbox';
import { clearChallengeCookie, readChallengeCookie } from '@/lib/sign-in/challenge-cookie';
import { setSessionCookie } from '@/lib/sign-in/session-cookie-writer';
import { minutesUntil } from '@/lib/throttle/minutes-until';
import { sendSignInCode } from '@/lib/two-factor/send-sign-in-code';
import { readSignInChallenge } from '@/lib/two-factor/sign-in-challenge';
import { verifySecondStep } from '@/lib/two-factor/verify-second-step';

const verifyCodeSchema = z.object({
  kind: z.enum(['authenticator', 'email', 'recovery']),
  code: z.string().trim().min(1, 'codeRequired').max(64, 'codeRequired'),
  returnTo: z.string().max(2048).optional(),
});

export const verifyCodeAction = action(
  { schema: verifyCodeSchema, access: 'public' },
  async ({ kind, code, returnTo }, { db, t }) => {
    const requestHeaders = await headers();
    const result = await verifySecondStep(db, {
      challengeToken: await readChallengeCookie(),
      kind,
      code,
      clientAddress: clientAddressFrom(requestHeaders),
      userAgent: requestHeaders.get('user-agent'),
    });
    if (result.ok) {
      await setSessionCookie(result.sessionToken);
      await clearChallengeCookie();
      return { ok: true, data: { redirectTo: safeReturnPath(returnTo) } };
    }
    switch (result.reason) {
      case 'wrongCode':
        return {
          ok: false,
          fieldErrors: {
            code: [t(`twoFactor.wrongCode.${kind}`, { attemptsLeft: result.attemptsLeft })],
          },
        };
      case 'expiredCode':
      case 'replacedCode':
        return {
          ok: false,
          fieldErrors: {
            code: [t(`twoFactor.${result.reason}`, { attemptsLeft: result.attemptsLeft })],
          },
        };
      case 'throttled':
        return {
          ok: false,
          formError: t('twoFactor.throttled', { minutes: minutesUntil(result.retryAt) }),
        };
      case 'ended':
        await clearChallengeCookie();
        return { ok: false, formError: t('twoFactor.ended') };
      case 'expired':
        await clearChallengeCookie();
        return { ok: false, formError: t('twoFactor.expiredAction') };
    }
  },
);

export const sendSignInCodeAction = action(
  { schema: z.object({}), access: 'public' },
  async (_input, { db, t }) => {
    const challenge = await readSignInChallenge(db, await readChallengeCookie());
    if (!challenge) {
      await clearChallengeCookie();
      return { ok: false, formError: t('twoFactor.expiredAction') };
    }
    const result = await sendSignInCode(db, challenge);
    if (result.ok) {
      kickOutbox();
      return { ok: true, data: { sentTo: result.sentTo } };
    }
    switch (result.reason) {
      case 'tooSoon':
        return { ok: false, formError: t('twoFactor.tooSoon') };
      case 'throttled':
        return {
          ok: false,
          formError: t('twoFactor.emailThrottled', { minutes: minutesUntil(result.retryAt) }),
        };
      case 'unavailable':
        return { ok: false, formError: t('twoFactor.emailUnavailable') };
    }
  },
);
