'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/** The address to send a reset link to; the answer never says whether it exists. */
export function ForgotPasswordForm(props: {
  action: FormAction<{ email: string }>;
  defaultEmail?: string;
}) {
  const t = useTranslations('forgotPassword');
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(props.action);

  if (state?.ok) {
    return (
      <div className="mt-6 space-y-3">
        <FormMessage tone="success">{t('sent', { email: state.data.email })}</FormMessage>
        <p className="text-sm leading-6 text-slate-600">{t('sentHint')}</p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-6" noValidate>
      <fieldset disabled={isPending} className="space-y-5">
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <TextField
          label={t('email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={props.defaultEmail}
          errors={fieldErrors?.email}
        />
        <Button type="submit" className="w-full">
          {isPending ? t('sending') : t('submit')}
        </Button>
      </fieldset>
    </form>
  );
}
