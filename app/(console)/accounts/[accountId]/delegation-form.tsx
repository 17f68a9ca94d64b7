'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';

/** The account admins' switch that lets host admins manage this account's users, with Save. */
export function DelegationForm(props: {
  accountId: string;
  delegated: boolean;
  action: FormAction<{ delegated: boolean }>;
}) {
  const t = useTranslations('account.delegation');
  const [checked, setChecked] = useState(props.delegated);
  const { state, isPending, onSubmit, formError } = useFormAction(props.action);
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <input type="hidden" name="accountId" value={props.accountId} />
      {/* Sent either way: an unticked checkbox would send nothing. */}
      <input type="hidden" name="delegated" value={String(checked)} />
      <p className="text-sm font-medium text-slate-900">
        {props.delegated ? t('stateOn') : t('stateOff')}
      </p>
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      <fieldset disabled={isPending} className="space-y-4">
        <CheckboxField
          label={t('label')}
          name="delegatedChoice"
          checked={checked}
          onChange={setChecked}
          description={t('hint')}
        />
        <Button type="submit" variant="secondary">
          {isPending ? t('saving') : t('save')}
        </Button>
      </fieldset>
      <div aria-live="polite" className="empty:hidden">
        {state?.ok ? (
          <FormMessage tone="success">
            {state.data.delegated ? t('savedOn') : t('savedOff')}
          </FormMessage>
        ) : null}
      </div>
    </form>
  );
}
