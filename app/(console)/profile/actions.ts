// Server actions of the Profile page: a signed-in user's own password and two-factor sign-in.
'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { getHostName } from '@/lib/host/get-host-name';
import { currentSessionToken } from '@/lib/auth/current-user';
import { checkNewPassword, passwordField } from '@/lib/auth/password-fields';
import { minutesUntil } from '@/lib/throttle/minutes-until';
import { setUpCodeErrorKey } from '@/lib/two-factor/set-up-code-error';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { authenticatorQrCode } from '@/lib/two-factor/authenticator-qr';
import {
  confirmOwnAuthenticator,
  regenerateOwnRecoveryCodes,
  startOwnAuthenticator,
} from '@/lib/two-factor/own-methods';
import { removeTwoFactorMethod } from '@/lib/two-factor/remove-method';
import { confirmEmailSetup, startEmailSetup } from '@/lib/two-factor/email-setup';
import { kickOutbox } from '@/lib/outbox/kick-outbox';

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
  async (input, { user, db, t, actor }) => {
    const result = await changeOwnPassword(db, {
      actor,
      userId: user.id,
      email: user.email,
      currentPassword: input.currentPassword,
      newPassword: input.password,
      keepSessionToken: await currentSessionToken(),
      clientAddress: clientAddressFrom(await headers()),
    });
    if (result.ok) return { ok: true, data: undefined };
    if (result.reason === 'throttled') {
      const minutes = minutesUntil(result.retryAt);
      return { ok: false, formError: t('profile.password.throttled', { minutes }) };
    }
    return {
      ok: false,
      fieldErrors: { currentPassword: [t('validation.wrongCurrentPassword')] },
    };
  },
);

// Profile → Two-factor sign-in: the user's own methods and recovery codes.

export const startAuthenticatorAction = action(
  { schema: z.object({}), access: 'signed-in' },
  async (_input, { user, db, t }) => {
    const result = await startOwnAuthenticator(db, user, await getHostName());
    if (result.ok) {
      const qrCode = await authenticatorQrCode(result.uri);
      return { ok: true, data: { qrCode, secret: result.secret } };
    }
    return { ok: false, formError: t(`profileTwoFactor.${result.reason}`) };
  },
);

/** Which of the user's own methods a form acts on. */
const methodField = z.enum(['totp', 'email']);

const confirmMethodSchema = z.object({
  method: methodField,
  code: z.string().trim().min(1, 'codeRequired').max(64, 'codeRequired'),
});

/** The first code of a method being set up: the app's, or the one emailed to the user. */
export const confirmTwoFactorMethodAction = action(
  { schema: confirmMethodSchema, access: 'signed-in' },
  async ({ method, code }, { user, db, t, actor }) => {
    const confirm = { userId: user.id, code, clientAddress: actor.clientAddress, actor };
    const result =
      method === 'email'
        ? await confirmEmailSetup(db, confirm)
        : await confirmOwnAuthenticator(db, confirm);
    if (result.ok) return { ok: true, data: { recoveryCodes: result.recoveryCodes } };
    switch (result.reason) {
      case 'wrongCode':
      case 'expiredCode':
        return { ok: false, fieldErrors: { code: [t(setUpCodeErrorKey(method, result.reason))] } };
      case 'throttled':
        return {
          ok: false,
          formError: t('profileTwoFactor.throttled', { minutes: minutesUntil(result.retryAt) }),
        };
      default:
        return { ok: false, formError: t(`profileTwoFactor.${result.reason}`) };
    }
  },
);

export const removeTwoFactorMethodAction = action(
  { schema: z.object({ method: methodField }), access: 'signed-in' },
  async ({ method }, { user, db, t, actor }) => {
    const result = await removeTwoFactorMethod(db, {
      userId: user.id,
      hostRole: user.hostRole,
      method,
      actor,
    });
    if (!result.ok) return { ok: false, formError: t('profileTwoFactor.removeRequired') };
    revalidatePath('/profile');
    return { ok: true, data: undefined };
  },
);

export const regenerateRecoveryCodesAction = action(
  { schema: z.object({}), access: 'signed-in' },
  async (_input, { user, db, t, actor }) => {
    const result = await regenerateOwnRecoveryCodes(db, user.id, actor);
    if (!result.ok) return { ok: false, formError: t('profileTwoFactor.regenerateNeedsMethod') };
    return { ok: true, data: { recoveryCodes: result.codes } };
  },
);

export const startEmailCodesAction = action(
  { schema: z.object({}), access: 'signed-in' },
  async (_input, { user, db, t }) => {
    const result = await startEmailSetup(db, user);
    if (result.ok) {
      kickOutbox();
      return { ok: true, data: { sentTo: result.sentTo } };
    }
    if (result.reason === 'throttled') {
      return {
        ok: false,
        formError: t('twoFactor.emailThrottled', { minutes: minutesUntil(result.retryAt) }),
      };
    }
    if (result.reason === 'tooSoon') return { ok: false, formError: t('twoFactor.tooSoon') };
    return { ok: false, formError: t(`profileTwoFactor.email.${result.reason}`) };
  },
);
