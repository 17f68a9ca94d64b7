'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/** Which log's retention: each has its own texts under `general.<kind>`. */
export type RetentionKind = 'emailRetention' | 'auditRetention';

/** The texts of one log's retention (both namespaces named literally, for the catalog checks). */
export function useRetentionTexts(kind: RetentionKind) {
  const email = useTranslations('general.emailRetention');
  const audit = useTranslations('general.auditRetention');
  return kind === 'emailRetention' ? email : audit;
}

/** How many days a log keeps its rows, as a whole number within the log's limits. */
export function RetentionForm(props: {
  kind: RetentionKind;
  days: number;
  limits: { minDays: number; maxDays: number };
  action: FormAction;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const t = useRetentionTexts(props.kind);
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
          min={props.limits.minDays}
          max={props.limits.maxDays}
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
