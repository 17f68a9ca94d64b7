// Server actions of the Accounts page: add, rename, deactivate/activate, delete, complete
// setup, and the status of a first admin's invitation email. Host admins and host standard
// users (PRODUCT.md "create accounts; rename, deactivate, activate, delete accounts").
'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  accountIdSchema,
  completeSetupSchema,
  createAccountSchema,
  deleteAccountSchema,
  renameAccountSchema,
  setAccountStatusSchema,
} from '@/lib/accounts/account-forms';
import { completeAccountSetup } from '@/lib/accounts/complete-account-setup';
import { createAccount } from '@/lib/accounts/create-account';
import { deleteAccount } from '@/lib/accounts/delete-account';
import { renameAccount } from '@/lib/accounts/rename-account';
import { setAccountStatus } from '@/lib/accounts/set-account-status';
import { action } from '@/lib/actions/action';
import { adminEmailTaken, deleteRefusal, renameRefusal } from './account-refusals';
import type { ActionResult } from '@/lib/actions/action-result';
import { kickOutbox } from '@/lib/outbox/kick-outbox';
import { linkEmailState } from '@/lib/outbox/link-email-state';

/** The first admin's link, shown with Copy after Add account or Complete setup. */
export interface AdminInvitation {
  email: string;
  link: string;
  expiresAt: Date;
  emailId: string | null;
}

export interface CreatedAccount {
  accountId: string;
  /** Set for "Invite its administrator". */
  invitation: AdminInvitation | null;
}

/** After a change to accounts: sends a queued email now, and redraws every account list. */
function refreshAfterAccountChange(emailQueued = false) {
  if (emailQueued) kickOutbox();
  // The account picker in the header lists accounts too.
  revalidatePath('/', 'layout');
}

export const createAccountAction = action(
  { schema: createAccountSchema, access: 'accounts.manage' },
  async (input, { user, db, t, actor }): Promise<ActionResult<CreatedAccount>> => {
    const result = await createAccount(db, {
      actor: user,
      auditActor: actor,
      name: input.name,
      administrator:
        input.administrator === 'me'
          ? { type: 'me' }
          : { type: 'invite', email: input.adminEmail, language: input.language },
    });
    if (!result.ok) {
      if (result.reason === 'duplicateName') {
        return { ok: false, fieldErrors: { name: [t('accounts.errors.duplicateName')] } };
      }
      if (result.reason === 'alreadyUser') {
        return adminEmailTaken(input.administrator === 'invite' ? input.adminEmail : '', t);
      }
      return { ok: false, formError: t('errors.forbidden') };
    }
    refreshAfterAccountChange(result.invitation?.emailId != null);
    return {
      ok: true,
      data: {
        accountId: result.accountId,
        invitation: result.invitation as AdminInvitation | null,
      },
    };
  },
);

export const renameAccountAction = action(
  { schema: renameAccountSchema, access: 'accounts.manage' },
  async ({ accountId, name }, { db, t, actor }) => {
    const result = await renameAccount(db, { accountId, name, actor });
    if (!result.ok) return renameRefusal(result.reason, t);
    refreshAfterAccountChange();
    return { ok: true, data: { name: result.name } };
  },
);

export const setAccountStatusAction = action(
  { schema: setAccountStatusSchema, access: 'accounts.manage' },
  async ({ accountId, active }, { db, t, actor }) => {
    const result = await setAccountStatus(db, { accountId, active, actor });
    if (!result.ok) return { ok: false, formError: t('errors.accountGone') };
    refreshAfterAccountChange();
    return { ok: true, data: { name: result.name, status: result.status } };
  },
);

export const deleteAccountAction = action(
  { schema: deleteAccountSchema, access: 'accounts.manage' },
  async ({ accountId, confirmName }, { db, t, actor }) => {
    const result = await deleteAccount(db, { actor, accountId, confirmName });
    if (!result.ok) return deleteRefusal(result.reason, t);
    refreshAfterAccountChange();
    return { ok: true, data: { name: result.name, deactivatedUsers: result.deactivatedUsers } };
  },
);

export const completeSetupAction = action(
  { schema: completeSetupSchema, access: 'accounts.manage' },
  async ({ accountId, adminEmail, language }, { user, db, t, actor }) => {
    const result = await completeAccountSetup(db, {
      auditActor: actor,
      actor: user,
      accountId,
      adminEmail,
      language,
    });
    if (!result.ok) {
      if (result.reason === 'needsEmail') {
        return { ok: false, fieldErrors: { adminEmail: [t('accounts.errors.needsEmail')] } };
      }
      if (result.reason === 'alreadyUser') return adminEmailTaken(adminEmail ?? '', t);
      return {
        ok: false,
        formError: t(
          result.reason === 'notSetup' ? 'accounts.errors.notSetup' : 'errors.forbidden',
        ),
      };
    }
    refreshAfterAccountChange(result.emailId !== null);
    const invitation: AdminInvitation = {
      email: result.email,
      link: result.link,
      expiresAt: result.expiresAt,
      emailId: result.emailId,
    };
    return { ok: true, data: invitation };
  },
);

/** Where a first admin's invitation email stands, for the dialog that showed the link. */
export const readAdminInvitationEmailAction = action(
  { schema: accountIdSchema.extend({ emailId: z.uuid('invalid') }), access: 'accounts.manage' },
  async ({ accountId, emailId }, { db, t }) => {
    const state = await linkEmailState(db, t, { emailId, accountId });
    if (!state) return { ok: false, formError: t('errors.accountGone') };
    return { ok: true, data: state };
  },
);
