'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/**
 * The host name form inside the edit dialog. No `maxLength` on the input: the browser would
 * cut a pasted name silently, where the server's message says what is wrong.
 */
export function HostNameForm(props: {
  hostName: string;
  maxLength: number;
  action: FormAction;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const t = useTranslations('general.hostName');
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
          label={t('label')}
          name="hostName"
          defaultValue={props.hostName}
          hint={t('hint', { limit: props.maxLength })}
          errors={fieldErrors?.hostName}
          required
          autoComplete="organization"
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
