'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/** How long new invitation links live, as a whole number of hours or days. */
export function InvitationLifetimeForm(props: {
  hours: number;
  action: FormAction;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const t = useTranslations('general.invitationLifetime');
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(props.action);
  const saved = useEffectEvent(props.onSaved);
  const inDays = props.hours % 24 === 0;

  useEffect(() => {
    if (state?.ok) saved();
  }, [state]);

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={isPending} className="space-y-5">
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label={t('amount')}
            name="amount"
            type="number"
            inputMode="numeric"
            min={1}
            defaultValue={inDays ? props.hours / 24 : props.hours}
            errors={fieldErrors?.amount}
            required
          />
          <SelectField
            label={t('unit')}
            name="unit"
            defaultValue={inDays ? 'days' : 'hours'}
            options={[
              { value: 'hours', label: t('hours') },
              { value: 'days', label: t('days') },
            ]}
            errors={fieldErrors?.unit}
          />
        </div>
        <p className="text-sm text-slate-600">{t('hint')}</p>
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={props.onCancel}>
            {t('cancel')}
          </Button>
          <Button type="submit">{isPending ? t('saving') : t('save')}</Button>
        </div>
      </fieldset>
    </form>
  );
}
