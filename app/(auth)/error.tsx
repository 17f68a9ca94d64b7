'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { AlertIcon } from '@/components/ui/icons';

/** Shown inside the sign-in card when one of its pages throws: try again, or start at sign-in. */
export default function AuthError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errorPage');
  // Server errors arrive without their message in production, only a digest that matches the log.
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string'
      ? error.digest
      : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="flex flex-col items-center text-center">
      <title>{t('title')}</title>
      <span className="flex size-12 items-center justify-center rounded-full bg-red-50 text-red-600">
        <AlertIcon className="size-6" />
      </span>
      <h1 className="mt-5 text-xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-sm/6 text-pretty text-slate-600">{t('description')}</p>
      {digest ? <p className="mt-3 text-sm text-slate-600">{t('reference', { digest })}</p> : null}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button onClick={() => retry()}>{t('tryAgain')}</Button>
        <ButtonLink href="/sign-in" variant="secondary">
          {t('signIn')}
        </ButtonLink>
      </div>
    </div>
  );
}
