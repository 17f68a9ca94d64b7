// Server actions of the set-up step of a sign-in: the host requires two-factor sign-in and the
// user has no method yet. Each acts only on the challenge the step's cookie names.
'use server';

import { challengeRefusal, challengeRequest, finishSignIn } from '../challenge-answers';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { getHostName } from '@/lib/host/get-host-name';
import { clearChallengeCookie, readChallengeCookie } from '@/lib/sign-in/challenge-cookie';
import { minutesUntil } from '@/lib/throttle/minutes-until';
import { setUpCodeErrorKey } from '@/lib/two-factor/set-up-code-error';
import { authenticatorQrCode } from '@/lib/two-factor/authenticator-qr';
import {
  finishSetUpAtSignIn,
  startEmailSetUpAtSignIn,
  startSetUpAtSignIn,
} from '@/lib/two-factor/set-up-at-sign-in';
import { kickOutbox } from '@/lib/outbox/kick-outbox';

export const startSetUpAtSignInAction = action(
  { schema: z.object({}), access: 'public' },
  async (_input, { db, t }) => {
    const result = await startSetUpAtSignIn(db, await readChallengeCookie(), await getHostName());
    if (result.ok) {
      return {
        ok: true,
        data: { qrCode: await authenticatorQrCode(result.uri), secret: result.secret },
      };
    }
    if (result.reason === 'alreadySetUp')
      return { ok: false, formError: t('profileTwoFactor.alreadySetUp') };
    await clearChallengeCookie();
    return { ok: false, formError: t('twoFactor.expiredAction') };
  },
);

export const startEmailSetUpAtSignInAction = action(
  { schema: z.object({}), access: 'public' },
  async (_input, { db, t }) => {
    const result = await startEmailSetUpAtSignIn(db, await readChallengeCookie());
    if (result.ok) {
      kickOutbox();
      return { ok: true, data: { sentTo: result.sentTo } };
    }
    switch (result.reason) {
      case 'expired':
        await clearChallengeCookie();
        return { ok: false, formError: t('twoFactor.expiredAction') };
      case 'tooSoon':
        return { ok: false, formError: t('twoFactor.tooSoon') };
      case 'throttled':
        return {
          ok: false,
          formError: t('twoFactor.emailThrottled', { minutes: minutesUntil(result.retryAt) }),
        };
      case 'turnedOff':
      case 'smtpOff':
      case 'alreadySetUp':
        return { ok: false, formError: t(`profileTwoFactor.email.${result.reason}`) };
    }
  },
);

const confirmSchema = z.object({
  method: z.enum(['totp', 'email']),
  code: z.string().trim().min(1, 'codeRequired').max(64, 'codeRequired'),
});

export const finishSetUpAtSignInAction = action(
  { schema: confirmSchema, access: 'public' },
  async ({ method, code }, { db, t }) => {
    const result = await finishSetUpAtSignIn(db, { ...(await challengeRequest()), method, code });
    if (result.ok) {
      await finishSignIn(result.sessionToken);
      return { ok: true, data: { recoveryCodes: result.recoveryCodes } };
    }
    switch (result.reason) {
      case 'wrongCode':
      case 'expiredCode':
        return { ok: false, fieldErrors: { code: [t(setUpCodeErrorKey(method, result.reason))] } };
      case 'notStarted':
        return { ok: false, formError: t('profileTwoFactor.notStarted') };
      default:
        return challengeRefusal(result, t);
    }
  },
);
