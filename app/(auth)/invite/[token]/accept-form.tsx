'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
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
  const router = useRouter();
  const { state, isPending, onSubmit, submitted, fieldErrors, formError } = useFormAction(
    props.action,
  );

  useEffect(() => {
    const data = submitted.current;
    if (!state?.ok || !data) return;
    void signIn('credentials', {
      email: state.data.email,
      password: data.get('password'),
      redirect: false,
    }).then(() => router.replace('/dashboard'));
  }, [state, router, submitted]);

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
        <TextField
          label={t('password')}
          name="password"
          type="password"
          hint={t('passwordHint')}
          errors={fieldErrors?.password}
          autoComplete="new-password"
        />
        <TextField
          label={t('confirmPassword')}
          name="confirmPassword"
          type="password"
          errors={fieldErrors?.confirmPassword}
          autoComplete="new-password"
        />
        <Button type="submit" className="w-full">
          {isPending || state?.ok ? t('submitting') : t('submit')}
        </Button>
      </fieldset>
    </form>
  );
}
