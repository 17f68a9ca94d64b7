'use client';

import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { startTransition } from 'react';
import type { FormAction } from '@/lib/actions/action-result';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import { useAccountNotice } from './account-notice';
import { renameAccountAction } from './actions';
import type { ManageableAccount } from './manage-account-dialog';
import { ManageSection } from './manage-section';

/**
 * Rename: the account's name, unique on the instance ignoring case. A new name the page's search
 * no longer finds takes the row, and this dialog, off the page: the page then says where it went.
 */
export function RenameAccountSection(props: { account: ManageableAccount }) {
  const t = useTranslations('accounts.manage.rename');
  const tNotice = useTranslations('accounts.notice');
  const showNotice = useAccountNotice();
  const search = useSearchParams().get('q')?.trim().toLowerCase() ?? '';
  const rename: FormAction<{ name: string }> = async (previous, form) => {
    const result = await renameAccountAction(previous, form);
    if (result.ok && search && !result.data.name.toLowerCase().includes(search)) {
      const { name } = result.data;
      // Part of the action's transition, so the notice appears as the row goes.
      startTransition(() =>
        showNotice({
          text: tNotice('renamedAway', { name }),
          link: {
            href: `/accounts?q=${encodeURIComponent(name)}`,
            label: tNotice('showRenamed', { name }),
          },
          focus: true,
        }),
      );
    }
    return result;
  };
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(rename);
  return (
    <ManageSection title={t('title')}>
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      {state?.ok ? (
        <FormMessage tone="success">{t('done', { name: state.data.name })}</FormMessage>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={isPending} className="space-y-3">
          <input type="hidden" name="accountId" value={props.account.id} />
          <TextField
            label={t('label')}
            name="name"
            defaultValue={props.account.name}
            autoComplete="off"
            required
            errors={fieldErrors?.name}
          />
          <Button type="submit" variant="secondary">
            {isPending ? t('submitting') : t('submit')}
          </Button>
        </fieldset>
      </form>
    </ManageSection>
  );
}
