'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import { signInErrorCodes, throttledErrorPrefix } from '@/lib/auth/sign-in-errors';

/** Email and password, posted to next-auth's credentials endpoint (which checks its CSRF token). */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations('signIn');
  const router = useRouter();
  const [error, setError] = useState<ReactNode>(null);
  const [isPending, startTransition] = useTransition();

  function describe(code: string, email: string): ReactNode {
    if (code.startsWith(throttledErrorPrefix)) {
      const until = new Date(code.slice(throttledErrorPrefix.length)).getTime();
      const minutes = Math.max(1, Math.ceil((until - Date.now()) / 60_000));
      // A reset ends the lock-out (lib/resets/reset-password.ts): the way in for the owner.
      const forgot = email
        ? `/forgot-password?${new URLSearchParams({ email })}`
        : '/forgot-password';
      return t.rich('throttled', {
        minutes,
        reset: (chunks) => (
          <Link href={forgot} className="font-medium underline">
            {chunks}
          </Link>
        ),
      });
    }
    if (code === 'CredentialsSignin') return t('invalid');
    if (code === signInErrorCodes.unavailable) return t('unavailable');
    if (code === signInErrorCodes.failed) return t('failed');
    return t('csrf');
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signIn('credentials', {
        email: data.get('email'),
        password: data.get('password'),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(returnTo);
        router.refresh();
      } else if (result?.error === signInErrorCodes.secondStep) {
        // The password was right: the second step's page, with its cookie already set.
        router.push(`/sign-in/two-factor?${new URLSearchParams({ callbackUrl: returnTo })}`);
      } else {
        setError(describe(result?.error ?? '', String(data.get('email') ?? '').trim()));
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="mt-6" noValidate>
      <fieldset disabled={isPending} className="space-y-5">
        {error ? <FormMessage>{error}</FormMessage> : null}
        <TextField
          label={t('email')}
          name="email"
          type="email"
          required
          autoComplete="username"
          maxLength={254}
        />
        <TextField
          label={t('password')}
          name="password"
          type="password"
          required
          autoComplete="current-password"
        />
        <div className="flex items-center justify-between gap-4">
          <Link
            href="/forgot-password"
            className="text-sm font-medium text-indigo-700 hover:text-indigo-800"
          >
            {t('forgotPassword')}
          </Link>
          <Button type="submit">{isPending ? t('submitting') : t('submit')}</Button>
        </div>
      </fieldset>
    </form>
  );
}
