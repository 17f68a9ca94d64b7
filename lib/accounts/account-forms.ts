import { z } from 'zod';
import { emailField, singleLineField } from '@/lib/auth/password-fields';
import { accountRoles } from '@/lib/auth/permissions';
import { locales } from '@/lib/i18n/locales';
import { displayNameMaxLength } from '@/lib/field-limits';

/** An account's name: one line, trimmed; unique ignoring case (checked in the database). */
const accountNameField = singleLineField(displayNameMaxLength);

const accountIdField = z.uuid('invalid');

export const accountIdSchema = z.object({ accountId: accountIdField });

/**
 * Add account: "I will administer it" (managed) or "Invite its administrator" (unmanaged, with
 * the first admin's address and language).
 */
export const createAccountSchema = z.discriminatedUnion(
  'administrator',
  [
    z.object({ name: accountNameField, administrator: z.literal('me') }),
    z.object({
      name: accountNameField,
      administrator: z.literal('invite'),
      adminEmail: emailField,
      language: z.enum(locales, 'invalid'),
    }),
  ],
  { error: 'invalid' },
);

export const renameAccountSchema = z.object({ accountId: accountIdField, name: accountNameField });

export const setAccountStatusSchema = z.object({
  accountId: accountIdField,
  active: z.enum(['true', 'false'], 'invalid').transform((value) => value === 'true'),
});

/** Delete: the name typed again, compared with the stored name by the domain. */
export const deleteAccountSchema = z.object({
  accountId: accountIdField,
  confirmName: z
    .string('required')
    .trim()
    .min(1, 'required')
    .max(displayNameMaxLength + 50),
});

/** Complete setup: the admin's address only when the account has no pending admin left. */
export const completeSetupSchema = z.object({
  accountId: accountIdField,
  adminEmail: z.union([z.literal('').transform(() => undefined), emailField]).optional(),
  language: z.enum(locales, 'invalid').default('en'),
});

export const setDelegationSchema = z.object({
  accountId: accountIdField,
  delegated: z.enum(['true', 'false'], 'invalid').transform((value) => value === 'true'),
});

/** The account Users page: invite with one role in this account. */
export const inviteAccountUserSchema = z.object({
  accountId: accountIdField,
  email: emailField,
  language: z.enum(locales, 'invalid'),
  role: z.enum(accountRoles, 'invalid'),
});

export const accountUserSchema = z.object({ accountId: accountIdField, userId: z.uuid('invalid') });

export const changeAccountRoleSchema = accountUserSchema.extend({
  role: z.enum(accountRoles, 'invalid'),
});
