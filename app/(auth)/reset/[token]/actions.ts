// Server action of the reset page: sets the new password and consumes the link.
'use server';

import { action } from '@/lib/actions/action';
import { passwordProblemKey, tokenPasswordSchema } from '@/lib/auth/password-fields';
import { kickOutbox } from '@/lib/outbox/kick-outbox';
import { resetPassword } from '@/lib/resets/reset-password';

export const resetPasswordAction = action(
  { schema: tokenPasswordSchema, access: 'public' },
  async ({ token, password }, { db, t, actor }) => {
    const result = await resetPassword(db, { token, password, actor });
    if (result.ok) {
      // The "password changed" email goes out now, not at the next sweep.
      if (result.emailQueued) kickOutbox();
      return { ok: true, data: undefined };
    }
    if (result.reason === 'password') {
      return {
        ok: false,
        fieldErrors: { password: [t(`validation.${passwordProblemKey(result.problem)}`)] },
      };
    }
    return { ok: false, formError: t(`reset.state.${result.reason}.description`) };
  },
);
