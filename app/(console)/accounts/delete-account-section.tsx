'use client';

import { useTranslations } from 'next-intl';
import { startTransition } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';
import { useAccountNotice } from './account-notice';
import { deleteAccountAction } from './actions';
import type { ManageableAccount } from './manage-account-dialog';
import { ManageSection } from './manage-section';

/**
 * Delete, confirmed by typing the account's name: its roles go with it, and users left with no
 * role anywhere are deactivated. The row (and this dialog) disappear; the page says so.
 */
export function DeleteAccountSection(props: { account: ManageableAccount }) {
  const t = useTranslations('accounts.manage.delete');
  const tNotice = useTranslations('accounts.notice');
  const showNotice = useAccountNotice();
  const { account } = props;
  const remove: FormAction<{ name: string; deactivatedUsers: number }> = async (previous, form) => {
    const result = await deleteAccountAction(previous, form);
    if (result.ok) {
      const { name, deactivatedUsers } = result.data;
      // Part of the action's transition, so the notice appears as the row goes.
      startTransition(() =>
        showNotice({ text: tNotice('deleted', { name, count: deactivatedUsers }), focus: true }),
      );
    }
    return result;
  };
  const { isPending, onSubmit, fieldErrors, formError } = useFormAction(remove);

  return (
    <ManageSection title={t('title')}>
      <div className="space-y-3 rounded-lg bg-red-50 p-3 ring-1 ring-red-200">
        <p className="text-sm text-red-900">
          {t('explain', { name: account.name, count: account.userCount })}
        </p>
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <form onSubmit={onSubmit} noValidate>
          <fieldset disabled={isPending} className="space-y-3">
            <input type="hidden" name="accountId" value={account.id} />
            <TextField
              label={t('confirm')}
              name="confirmName"
              autoComplete="off"
              spellCheck={false}
              required
              hint={t('confirmHint', { name: account.name })}
              errors={fieldErrors?.confirmName}
            />
            <Button type="submit" variant="danger">
              {isPending ? t('submitting') : t('submit', { name: account.name })}
            </Button>
          </fieldset>
        </form>
      </div>
    </ManageSection>
  );
}
