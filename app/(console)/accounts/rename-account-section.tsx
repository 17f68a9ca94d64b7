'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import { renameAccountAction } from './actions';
import type { ManageableAccount } from './manage-account-dialog';
import { ManageSection } from './manage-section';

/** Rename: the account's name, unique on the instance ignoring case. */
export function RenameAccountSection(props: { account: ManageableAccount }) {
  const t = useTranslations('accounts.manage.rename');
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(renameAccountAction);
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
