// Server action of the first-run page: creates the first host admin from the set-up link.
'use server';

import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { checkNewPassword, emailField, passwordField } from '@/lib/auth/password-fields';
import { hostNameField } from '@/lib/host/host-name-field';
import { isLocale } from '@/lib/i18n/locales';
import { createFirstAdmin } from '@/lib/setup/create-first-admin';

const createFirstAdminSchema = z
  .object({
    token: z.string().min(1).max(200),
    hostName: hostNameField,
    email: emailField,
    password: passwordField,
    confirmPassword: z.string(),
  })
  .superRefine((value, context) => checkNewPassword(value, value.email, context));

export const createFirstAdminAction = action(
  { schema: createFirstAdminSchema, access: 'public' },
  async (input, { db, t, actor }) => {
    const locale = await getLocale();
    const result = await createFirstAdmin(db, {
      ...input,
      language: isLocale(locale) ? locale : 'en',
      visitor: actor,
    });
    if (result.ok) return { ok: true, data: undefined };
    return {
      ok: false,
      formError: t(result.reason === 'done' ? 'setup.alreadyDone' : 'setup.invalidLinkDescription'),
    };
  },
);
