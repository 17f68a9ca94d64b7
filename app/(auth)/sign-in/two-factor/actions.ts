// Server actions of the second sign-in step, for the challenge the step's cookie names: a code
// (from the authenticator app, from an email, or a recovery code), and "Send a new code".
'use server';

import { challengeRefusal, challengeRequest, finishSignIn } from '../challenge-answers';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { kickOutbox } from '@/lib/outbox/kick-outbox';
import { clearChallengeCookie, readChallengeCookie } from '@/lib/sign-in/challenge-cookie';
import { minutesUntil } from '@/lib/throttle/minutes-until';
import { readUsableMethods } from '@/lib/two-factor/second-step';
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
    const result = await verifySecondStep(db, { ...(await challengeRequest()), kind, code });
    if (result.ok) {
      await finishSignIn(result.sessionToken);
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
      default:
        return challengeRefusal(result, t);
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
    const result = await sendSignInCode(
      db,
      challenge,
      await readUsableMethods(db, challenge.userId),
    );
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
