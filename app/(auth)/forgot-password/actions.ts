// Server action of "Forgot password": one neutral answer, and the email (if any) after it.
'use server';

import { after } from 'next/server';
import { headers } from 'next/headers';
import { getFormatter } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/lib/database/configured-database';
import { action } from '@/lib/actions/action';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { emailField } from '@/lib/auth/password-fields';
import { drainOutboxOnce } from '@/lib/outbox/kick-outbox';
import { answerForgotPassword } from '@/lib/resets/answer-forgot-password';
import { sendSelfServiceReset } from '@/lib/resets/send-self-service-reset';

export const requestPasswordResetAction = action(
  { schema: z.object({ email: emailField }), access: 'public' },
  async ({ email }, { db, t, actor }) => {
    const clientAddress = clientAddressFrom(await headers());
    const answer = await answerForgotPassword(db, { email, clientAddress });
    if (!answer.ok) {
      if (answer.reason === 'smtpOff') return { ok: false, formError: t('forgotPassword.smtpOff') };
      const format = await getFormatter();
      return {
        ok: false,
        formError: t('forgotPassword.throttled', {
          time: format.dateTime(answer.retryAt, { timeStyle: 'short' }),
        }),
      };
    }
    // Whether the address belongs to anyone is decided after the response has gone out, so
    // the answer takes the same time for every address.
    after(async () => {
      if (await sendSelfServiceReset(await getDb(), { email, actor })) await drainOutboxOnce();
    });
    return { ok: true, data: { email } };
  },
);
