'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { AccountUserRow } from '@/lib/accounts/list-account-users';
import type { FormAction } from '@/lib/actions/action-result';
import { AccountRoleField } from './account-role-field';

/** The user's one role in this account, and Save role. */
export function AccountRoleSection(props: {
  user: Pick<AccountUserRow, 'id' | 'role'>;
  accountName: string;
  action: FormAction;
}) {
  const t = useTranslations('accountUsers.edit.role');
  const headingId = useId();
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(props.action);
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <input type="hidden" name="userId" value={props.user.id} />
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        {state?.ok ? <FormMessage tone="success">{t('saved')}</FormMessage> : null}
        <AccountRoleField
          accountName={props.accountName}
          defaultValue={props.user.role}
          errors={fieldErrors?.role}
        />
        <Button type="submit" variant="secondary" disabled={isPending}>
          {isPending ? t('saving') : t('save')}
        </Button>
      </form>
    </section>
  );
}
