'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { NewPasswordFields } from '@/components/forms/new-password-fields';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/** The user's email (not editable), new password and confirm; success goes to sign-in. */
export function ResetForm(props: { token: string; email: string; action: FormAction }) {
  const t = useTranslations('reset');
  const router = useRouter();
  const { state, isPending, onSubmit, fieldErrors, formError } = useFormAction(props.action);

  useEffect(() => {
    if (state?.ok) router.replace('/sign-in?reset=done');
  }, [state, router]);

  return (
    <form onSubmit={onSubmit} className="mt-6" noValidate>
      <fieldset disabled={isPending || state?.ok} className="space-y-5">
        <input type="hidden" name="token" value={props.token} />
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <TextField
          label={t('email')}
          name="email"
          type="email"
          value={props.email}
          readOnly
          autoComplete="username"
        />
        <NewPasswordFields
          labels={{
            password: t('password'),
            confirm: t('confirmPassword'),
            hint: t('passwordHint'),
          }}
          errors={fieldErrors}
        />
        <Button type="submit" className="w-full">
          {isPending || state?.ok ? t('submitting') : t('submit')}
        </Button>
      </fieldset>
    </form>
  );
}
