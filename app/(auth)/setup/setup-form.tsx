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

export function SetupForm({ token, action }: { token: string; action: FormAction }) {
  const t = useTranslations('setup');
  const router = useRouter();
  const {
    state,
    isPending,
    onSubmit,
    submitted,
    fieldErrors: errors,
    formError,
  } = useFormAction(action);

  useEffect(() => {
    const data = submitted.current;
    if (!state?.ok || !data) return;
    // The admin exists: sign them in with what they just typed and land on the dashboard.
    void signIn('credentials', {
      email: data.get('email'),
      password: data.get('password'),
      redirect: false,
    }).then(() => router.replace('/dashboard'));
  }, [state, router, submitted]);

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
        <TextField
          label={t('password')}
          name="password"
          type="password"
          hint={t('passwordHint')}
          errors={errors?.password}
          required
          minLength={12}
          autoComplete="new-password"
        />
        <TextField
          label={t('confirmPassword')}
          name="confirmPassword"
          type="password"
          errors={errors?.confirmPassword}
          required
          autoComplete="new-password"
        />
        <Button type="submit" className="w-full">
          {isPending || state?.ok ? t('submitting') : t('submit')}
        </Button>
      </fieldset>
    </form>
  );
}
