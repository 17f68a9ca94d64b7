// Server actions of an account's Users page: invite with a role in this account, new invite
// link, reset link, change role, revoke from the account, and the status of a link's email.
// Account admins, and host admins where the account is managed or has delegated user
// management (PRODUCT.md "manage an account's users"); each user is checked again.
'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  accountIdSchema,
  accountUserSchema,
  changeAccountRoleSchema,
  inviteAccountUserSchema,
} from '@/lib/accounts/account-forms';
import { changeAccountRole } from '@/lib/accounts/change-account-role';
import { removeFromAccount } from '@/lib/accounts/remove-from-account';
import { action } from '@/lib/actions/action';
import {
  inviteRefusal,
  issuedLink,
  userChangeRefusal,
} from '@/app/(console)/users/user-change-answers';
import type { Translate } from '@/lib/i18n/translate';
import { inviteUser } from '@/lib/invitations/invite-user';
import { regenerateInvitation } from '@/lib/users/regenerate-invitation';
import { linkEmailState } from '@/lib/outbox/link-email-state';
import { makeResetLink } from '@/lib/users/make-reset-link';
import { resetTwoFactor } from '@/lib/users/reset-two-factor';
import type { UserChangeResult } from '@/lib/users/user-change-result';

const usersPath = (accountId: string) => `/accounts/${accountId}/users`;

type Refusal =
  Exclude<UserChangeResult, { ok: true }>['reason'] | 'notPending' | 'notActive' | 'noMethod';

/** A refusal in this page's words: "ask another admin of this account", not a host admin. */
function refusalText(reason: Refusal, t: Translate) {
  if (reason === 'forbidden' || reason === 'self') return t(`accountUsers.errors.${reason}`);
  return t(`users.errors.${reason === 'lastAccountAdmin' ? 'invalid' : reason}`);
}

export const inviteAccountUserAction = action(
  { schema: inviteAccountUserSchema, access: { account: 'account.users.manage' } },
  async ({ accountId, email, language, role }, { user, db, t, actor }) => {
    const result = await inviteUser(db, {
      auditActor: actor,
      inviter: user,
      email,
      language,
      request: { type: 'individual', accounts: [{ accountId, role }] },
    });
    // `notInvitable` names no reason, so it reveals no other tenant.
    if (!result.ok) return inviteRefusal(result, email, t, 'accountUsers');
    return issuedLink(result, usersPath(accountId));
  },
);

export const regenerateAccountInvitationAction = action(
  { schema: accountUserSchema, access: { account: 'account.users.manage' } },
  async ({ accountId, userId }, { user, db, t, actor }) => {
    // Links are made only for users of this account (the form names both).
    const result = await regenerateInvitation(db, {
      actor: user,
      auditActor: actor,
      userId,
      inAccount: accountId,
    });
    if (!result.ok) return { ok: false, formError: refusalText(result.reason, t) };
    return issuedLink(result, usersPath(accountId));
  },
);

export const makeAccountResetLinkAction = action(
  { schema: accountUserSchema, access: { account: 'account.users.manage' } },
  async ({ accountId, userId }, { user, db, t, actor }) => {
    const result = await makeResetLink(db, {
      actor: user,
      auditActor: actor,
      userId,
      inAccount: accountId,
    });
    if (!result.ok) return { ok: false, formError: refusalText(result.reason, t) };
    return issuedLink(result, usersPath(accountId));
  },
);

export const resetAccountUserTwoFactorAction = action(
  { schema: accountUserSchema, access: { account: 'account.users.manage' } },
  async ({ accountId, userId }, { user, db, t, actor }) => {
    const result = await resetTwoFactor(db, {
      actor: user,
      auditActor: actor,
      userId,
      inAccount: accountId,
    });
    if (!result.ok) return { ok: false, formError: refusalText(result.reason, t) };
    revalidatePath(usersPath(accountId));
    return { ok: true, data: undefined };
  },
);

export const changeAccountRoleAction = action(
  { schema: changeAccountRoleSchema, access: { account: 'account.users.manage' } },
  async ({ accountId, userId, role }, { user, db, t, actor }) => {
    const result = await changeAccountRole(db, {
      actor: user,
      auditActor: actor,
      accountId,
      userId,
      role,
    });
    if (!result.ok) return userChangeRefusal(result, t, (reason) => refusalText(reason, t));
    revalidatePath(usersPath(accountId));
    return { ok: true, data: undefined };
  },
);

export const removeFromAccountAction = action(
  { schema: accountUserSchema, access: { account: 'account.users.manage' } },
  async ({ accountId, userId }, { user, db, t, actor }) => {
    const result = await removeFromAccount(db, {
      actor: user,
      auditActor: actor,
      accountId,
      userId,
    });
    if (!result.ok) return userChangeRefusal(result, t, (reason) => refusalText(reason, t));
    revalidatePath(usersPath(accountId));
    return {
      ok: true,
      data: {
        email: result.email,
        removedFromInstance: 'removedFromInstance' in result && result.removedFromInstance,
      },
    };
  },
);

export const readAccountLinkEmailAction = action(
  {
    schema: accountIdSchema.extend({ emailId: z.uuid('invalid') }),
    access: { account: 'account.users.manage' },
  },
  async ({ accountId, emailId }, { db, t }) => {
    const state = await linkEmailState(db, t, { emailId, accountId });
    if (!state) return { ok: false, formError: t('users.errors.notFound') };
    return { ok: true, data: state };
  },
);
