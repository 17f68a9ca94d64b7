'use client';

import { useTranslations } from 'next-intl';
import { TokenPasswordForm } from '@/components/forms/token-password-form';
import type { FormAction } from '@/lib/actions/action-result';

/** The invited email (not editable), password and confirm; success signs in. */
export function AcceptForm(props: {
  token: string;
  email: string;
  action: FormAction<{ email: string }>;
}) {
  const t = useTranslations('invite');
  return (
    <TokenPasswordForm
      {...props}
      afterSuccess="signIn"
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
