'use client';

import { useTranslations } from 'next-intl';
import { TokenPasswordForm } from '@/components/forms/token-password-form';
import type { FormAction } from '@/lib/actions/action-result';

/** The user's email (not editable), new password and confirm; success goes to sign-in. */
export function ResetForm(props: { token: string; email: string; action: FormAction }) {
  const t = useTranslations('reset');
  return (
    <TokenPasswordForm
      {...props}
      afterSuccess={{ redirectTo: '/sign-in?reset=done' }}
      labels={{
        email: t('email'),
        password: t('password'),
        confirm: t('confirmPassword'),
        hint: t('passwordHint'),
        submit: t('submit'),
        submitting: t('submitting'),
      }}
    />
  );
}
