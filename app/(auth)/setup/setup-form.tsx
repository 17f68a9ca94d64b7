'use client';

import { useTranslations } from 'next-intl';
import { NewPasswordFields } from '@/components/forms/new-password-fields';
import { useFormAction } from '@/components/forms/use-form-action';
import { useSignInAfterSuccess } from '@/components/forms/use-sign-in-after-success';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

export function SetupForm({ token, action }: { token: string; action: FormAction }) {
  const t = useTranslations('setup');
  const {
    state,
    isPending,
    onSubmit,
    submitted,
    fieldErrors: errors,
    formError,
  } = useFormAction(action);

  useSignInAfterSuccess(state, submitted);

  return (
    <form onSubmit={onSubmit} className="mt-6" noValidate>
      <fieldset disabled={isPending || state?.ok} className="space-y-5">
        <input type="hidden" name="token" value={token} />
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <TextField
          label={t('hostName')}
          name="hostName"
          hint={t('hostNameHint')}
          errors={errors?.hostName}
          required
          maxLength={100}
          autoComplete="organization"
        />
        <TextField
          label={t('email')}
          name="email"
          type="email"
          errors={errors?.email}
          required
          autoComplete="email"
        />
        <NewPasswordFields
          labels={{
            password: t('password'),
            confirm: t('confirmPassword'),
            hint: t('passwordHint'),
          }}
          errors={errors}
        />
        <Button type="submit" className="w-full">
          {isPending || state?.ok ? t('submitting') : t('submit')}
        </Button>
      </fieldset>
    </form>
  );
}
