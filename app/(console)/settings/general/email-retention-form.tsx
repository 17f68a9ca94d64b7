'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/** How many days the delivery log keeps an email that is done with, as a whole number. */
export function EmailRetentionForm(props: {
  days: number;
  action: FormAction;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const t = useTranslations('general.emailRetention');
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(props.action);
  const saved = useEffectEvent(props.onSaved);

  useEffect(() => {
    if (state?.ok) saved();
  }, [state]);

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={isPending} className="space-y-5">
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <TextField
          label={t('days')}
          name="days"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          step={1}
          defaultValue={props.days}
          hint={t('hint')}
          errors={fieldErrors?.days}
          required
        />
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
