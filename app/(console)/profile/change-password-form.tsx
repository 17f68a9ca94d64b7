'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { NewPasswordFields } from '@/components/forms/new-password-fields';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';

/** Current password, new password and its confirmation. */
export function ChangePasswordForm({ email, action }: { email: string; action: FormAction }) {
  const t = useTranslations('profile.password');
  const form = useRef<HTMLFormElement>(null);
  const { state, isPending, onSubmit, fieldErrors: errors, formError } = useFormAction(action);

  // Passwords should not linger in the page once they have done their job.
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="mt-5">
      <fieldset disabled={isPending} className="max-w-md space-y-5">
        {/* Tells password managers whose password this is. */}
        <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
        {formError ? <FormMessage>{formError}</FormMessage> : null}
        <TextField
          label={t('current')}
          name="currentPassword"
          type="password"
          errors={errors?.currentPassword}
          required
          autoComplete="current-password"
        />
        <NewPasswordFields
          labels={{ password: t('new'), confirm: t('confirm'), hint: t('newHint') }}
          errors={errors}
        />
        <div aria-live="polite" className="empty:hidden">
          {state?.ok ? <FormMessage tone="success">{t('changed')}</FormMessage> : null}
        </div>
        <Button type="submit">{isPending ? t('submitting') : t('submit')}</Button>
      </fieldset>
    </form>
  );
}
