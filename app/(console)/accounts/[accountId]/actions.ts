// Server actions of an account's own page: its settings (name, delete) for whoever may change
// them, and delegated user management for the account's admins.
'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import {
  deleteAccountSchema,
  renameAccountSchema,
  setDelegationSchema,
} from '@/lib/accounts/account-forms';
import { deleteAccount } from '@/lib/accounts/delete-account';
import { renameAccount } from '@/lib/accounts/rename-account';
import { setDelegation } from '@/lib/accounts/set-delegation';
import { action } from '@/lib/actions/action';
import { deleteRefusal, renameRefusal } from '../account-refusals';
import type { ActionResult } from '@/lib/actions/action-result';

export const renameOwnAccountAction = action(
  { schema: renameAccountSchema, access: { account: 'account.settings' } },
  async ({ accountId, name }, { db, t, actor }) => {
    const result = await renameAccount(db, { accountId, name, actor });
    if (!result.ok) return renameRefusal(result.reason, t);
    revalidatePath('/', 'layout');
    return { ok: true, data: { name: result.name } };
  },
);

export const deleteOwnAccountAction = action(
  { schema: deleteAccountSchema, access: { account: 'account.settings' } },
  async ({ accountId, confirmName }, { db, t, actor }): Promise<ActionResult> => {
    const result = await deleteAccount(db, { actor, accountId, confirmName });
    if (!result.ok) return deleteRefusal(result.reason, t);
    revalidatePath('/', 'layout');
    // Redirected from here, so the deleted account's page is never rendered again (a 404).
    // Someone whose only role it was is now deactivated: sign-in tells them so.
    redirect(result.deactivatedSelf ? '/sign-in' : '/accounts');
  },
);

export const setDelegationAction = action(
  { schema: setDelegationSchema, access: { account: 'account.delegate' } },
  async ({ accountId, delegated }, { db, t, actor }) => {
    const result = await setDelegation(db, { accountId, delegated, actor });
    if (!result.ok) {
      return {
        ok: false,
        formError: t(
          result.reason === 'managed' ? 'accounts.errors.delegationManaged' : 'errors.accountGone',
        ),
      };
    }
    revalidatePath(`/accounts/${accountId}`);
    revalidatePath('/users');
    return { ok: true, data: { delegated } };
  },
);
