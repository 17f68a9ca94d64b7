'use client';

import { useTranslations } from 'next-intl';
import { NewPasswordFields } from '@/components/forms/new-password-fields';
import { useFormAction } from '@/components/forms/use-form-action';
import { useSignInAfterSuccess } from '@/components/forms/use-sign-in-after-success';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/** The invited email (not editable), password and confirm; success signs in. */
export function AcceptForm(props: {
  token: string;
  email: string;
  action: FormAction<{ email: string }>;
}) {
  const t = useTranslations('invite');
  const { state, isPending, onSubmit, submitted, fieldErrors, formError } = useFormAction(
    props.action,
  );

  useSignInAfterSuccess(state, submitted);

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
