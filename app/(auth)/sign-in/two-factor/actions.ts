// Server action of the second sign-in step: a code from the authenticator app, or a recovery
// code, for the challenge the step's cookie names.
'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { clearChallengeCookie, readChallengeCookie } from '@/lib/sign-in/challenge-cookie';
import { setSessionCookie } from '@/lib/sign-in/session-cookie-writer';
import { verifySecondStep } from '@/lib/two-factor/verify-second-step';
import { minutesUntil } from '@/lib/throttle/minutes-until';

const verifyCodeSchema = z.object({
  kind: z.enum(['authenticator', 'recovery']),
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
        return { ok: false, formError: t('twoFactor.expired') };
    }
  },
);
