import { z } from 'zod';
import { emailField } from '@/lib/auth/password-fields';
import { accountRoles, hostRoles } from '@/lib/auth/permissions';
import { locales } from '@/lib/i18n/locales';

/**
 * The account roles a form sends: one hidden field holding JSON `[{ accountId, role }]`, built
 * by the role picker. Anything else (bad JSON, unknown role, repeated account) is refused.
 */
const accountRolesField = z
  .string()
  .default('[]')
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'invalid' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(z.object({ accountId: z.uuid('invalid'), role: z.enum(accountRoles, 'invalid') }))
      .max(200, 'invalid')
      .refine(
        (entries) => new Set(entries.map((entry) => entry.accountId)).size === entries.length,
        'invalid',
      ),
  );

/** Host user → one host role; individual user → at least one account, each with a role. */
const rolesFields = {
  type: z.enum(['host', 'individual'], 'invalid'),
  hostRole: z.enum(hostRoles, 'invalid').optional(),
  accounts: accountRolesField,
};

function toRoles(input: {
  type: 'host' | 'individual';
  hostRole?: (typeof hostRoles)[number];
  accounts: { accountId: string; role: (typeof accountRoles)[number] }[];
}) {
  return input.type === 'host'
    ? { type: 'host' as const, role: input.hostRole ?? 'view' }
    : { type: 'individual' as const, accounts: input.accounts };
}

function rolesComplete(input: {
  type: 'host' | 'individual';
  hostRole?: unknown;
  accounts: unknown[];
}) {
  return input.type === 'host' ? input.hostRole !== undefined : input.accounts.length > 0;
}

export const inviteUserSchema = z
  .object({ email: emailField, language: z.enum(locales, 'invalid'), ...rolesFields })
  .refine(rolesComplete, { message: 'rolesRequired', path: ['accounts'] })
  .transform((input) => ({
    email: input.email,
    language: input.language,
    request: toRoles(input),
  }));

export const userIdSchema = z.object({ userId: z.uuid('invalid') });

export const changeRoleSchema = z
  .object({ userId: z.uuid('invalid'), ...rolesFields })
  .refine(rolesComplete, { message: 'rolesRequired', path: ['accounts'] })
  .transform((input) => ({ userId: input.userId, change: toRoles(input) }));

export const setStatusSchema = z.object({
  userId: z.uuid('invalid'),
  active: z.enum(['true', 'false'], 'invalid').transform((value) => value === 'true'),
});
