// Server actions of the Users page: invite, new invite link, reset link, roles, status, revoke,
// and the delivery status of an emailed link. Host admins only; the domain checks each user again.
'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { inviteRefusal, issuedLink, userChangeRefusal } from './user-change-answers';
import { inviteUser } from '@/lib/invitations/invite-user';
import {
  findGrantableAccounts,
  grantableAccountsShown,
} from '@/lib/accounts/find-grantable-accounts';
import { displayNameMaxLength } from '@/lib/field-limits';
import { regenerateInvitation } from '@/lib/users/regenerate-invitation';
import { linkEmailState } from '@/lib/outbox/link-email-state';
import { makeResetLink } from '@/lib/users/make-reset-link';
import { resetTwoFactor } from '@/lib/users/reset-two-factor';
import { changeUserRole } from '@/lib/users/change-user-role';
import { revokeUser } from '@/lib/users/revoke-user';
import { setUserStatus } from '@/lib/users/set-user-status';
import {
  changeRoleSchema,
  inviteUserSchema,
  setStatusSchema,
  userIdSchema,
} from '@/lib/users/user-forms';

export const inviteUserAction = action(
  { schema: inviteUserSchema, access: 'host.users.manage' },
  async ({ email, language, request }, { user, db, t, actor }) => {
    const result = await inviteUser(db, {
      inviter: user,
      auditActor: actor,
      email,
      language,
      request,
    });
    if (!result.ok) return inviteRefusal(result, email, t);
    return issuedLink(result, '/users');
  },
);

export const regenerateInvitationAction = action(
  { schema: userIdSchema, access: 'host.users.manage' },
  async ({ userId }, { user, db, t, actor }) => {
    const result = await regenerateInvitation(db, { actor: user, auditActor: actor, userId });
    if (!result.ok) return { ok: false, formError: t(`users.errors.${result.reason}`) };
    return issuedLink(result, '/users');
  },
);

export const makeResetLinkAction = action(
  { schema: userIdSchema, access: 'host.users.manage' },
  async ({ userId }, { user, db, t, actor }) => {
    const result = await makeResetLink(db, { actor: user, auditActor: actor, userId });
    if (!result.ok) return { ok: false, formError: t(`users.errors.${result.reason}`) };
    return issuedLink(result, '/users');
  },
);

export const resetTwoFactorAction = action(
  { schema: userIdSchema, access: 'host.users.manage' },
  async ({ userId }, { user, db, t, actor }) => {
    const result = await resetTwoFactor(db, { actor: user, auditActor: actor, userId });
    if (!result.ok) return { ok: false, formError: t(`users.errors.${result.reason}`) };
    revalidatePath('/users');
    return { ok: true, data: undefined };
  },
);

export const changeUserRoleAction = action(
  { schema: changeRoleSchema, access: 'host.users.manage' },
  async ({ userId, change }, { user, db, t, actor }) => {
    const result = await changeUserRole(db, { actor: user, auditActor: actor, userId, change });
    if (!result.ok) return userChangeRefusal(result, t);
    revalidatePath('/users');
    return { ok: true, data: undefined };
  },
);

export const setUserStatusAction = action(
  { schema: setStatusSchema, access: 'host.users.manage' },
  async ({ userId, active }, { user, db, t, actor }) => {
    const result = await setUserStatus(db, { actor: user, auditActor: actor, userId, active });
    if (!result.ok) return userChangeRefusal(result, t);
    revalidatePath('/users');
    return { ok: true, data: undefined };
  },
);

export const revokeUserAction = action(
  { schema: userIdSchema, access: 'host.users.manage' },
  async ({ userId }, { user, db, t, actor }) => {
    const result = await revokeUser(db, { actor: user, auditActor: actor, userId });
    if (!result.ok) return userChangeRefusal(result, t);
    revalidatePath('/users');
    return { ok: true, data: { email: result.email } };
  },
);

/**
 * Accounts the viewer may give roles in whose name contains `search`, for the Invite dialog: a
 * host with thousands of accounts finds one instead of scrolling a list of all.
 */
export const findGrantableAccountsAction = action(
  {
    schema: z.object({ search: z.string().max(displayNameMaxLength, 'tooLong') }),
    access: 'host.users.manage',
  },
  async ({ search }, { user, db }) => {
    const found = await findGrantableAccounts(db, user, {
      search,
      limit: grantableAccountsShown + 1,
    });
    return {
      ok: true,
      data: {
        accounts: found.slice(0, grantableAccountsShown),
        more: found.length > grantableAccountsShown,
      },
    };
  },
);

/** Where the invitation email just queued stands, for the dialog to show until it is sent. */
export const readLinkEmailAction = action(
  { schema: z.object({ emailId: z.uuid('invalid') }), access: 'host.users.manage' },
  async ({ emailId }, { db, t }) => {
    const state = await linkEmailState(db, t, { emailId });
    if (!state) return { ok: false, formError: t('users.errors.notFound') };
    return { ok: true, data: state };
  },
);
