// Server action of the accept page: sets the invited user's password and activates them.
'use server';

import { action } from '@/lib/actions/action';
import { passwordProblemKey, tokenPasswordSchema } from '@/lib/auth/password-fields';
import { acceptInvitation } from '@/lib/invitations/accept-invitation';

export const acceptInvitationAction = action(
  { schema: tokenPasswordSchema, access: 'public' },
  async ({ token, password }, { db, t, actor }) => {
    const result = await acceptInvitation(db, { token, password, actor });
    if (result.ok) return { ok: true, data: { email: result.email } };
    if (result.reason === 'password') {
      return {
        ok: false,
        fieldErrors: { password: [t(`validation.${passwordProblemKey(result.problem)}`)] },
      };
    }
    return { ok: false, formError: t(`invite.state.${result.reason}.description`) };
  },
);
