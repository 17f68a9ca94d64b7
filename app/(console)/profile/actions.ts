// Server action of the Profile page: a signed-in user changes their own password.
'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { currentSessionToken } from '@/lib/auth/current-user';
import { checkNewPassword, passwordField } from '@/lib/auth/password-fields';
import { changeOwnPassword } from '@/lib/users/change-own-password';

// Made per user: the new password is checked against the user's own email.
function changeOwnPasswordSchema(email: string) {
  return z
    .object({
      currentPassword: passwordField,
      password: passwordField,
      confirmPassword: z.string(),
    })
    .superRefine((value, context) => checkNewPassword(value, email, context));
}

export const changeOwnPasswordAction = action(
  { schema: ({ user }) => changeOwnPasswordSchema(user.email), access: 'signed-in' },
  async (input, { user, db, t }) => {
    const result = await changeOwnPassword(db, {
      userId: user.id,
      email: user.email,
      currentPassword: input.currentPassword,
      newPassword: input.password,
      keepSessionToken: await currentSessionToken(),
      clientAddress: clientAddressFrom(await headers()),
    });
    if (result.ok) return { ok: true, data: undefined };
    if (result.reason === 'throttled') {
      const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 60_000));
      return { ok: false, formError: t('profile.password.throttled', { minutes }) };
    }
    return {
      ok: false,
      fieldErrors: { currentPassword: [t('validation.wrongCurrentPassword')] },
    };
  },
);
