'use client';

import { useTranslations } from 'next-intl';
import { useEffect, type ReactNode } from 'react';
import { Button } from './button';
import { cx } from './cx';
import { AlertIcon } from './icons';

/** Server errors reach the browser without their message in production: only a digest, as logged. */
function digestOf(error: unknown): string | undefined {
  return error instanceof Error && 'digest' in error && typeof error.digest === 'string'
    ? error.digest
    : undefined;
}

/**
 * What every error boundary shows (console, sign-in card, the whole document): what happened,
 * the log's reference, Try again, and `wayOut` (a link to where the user can start over).
 */
export function ErrorNotice(props: {
  error: unknown;
  retry: () => void;
  wayOut: ReactNode;
  className?: string;
  titleClassName: string;
}) {
  const { error } = props;
  const t = useTranslations('errorPage');
  const digest = digestOf(error);

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className={cx('flex flex-col items-center text-center', props.className)}>
      <title>{t('title')}</title>
      <span className="flex size-12 items-center justify-center rounded-full bg-red-50 text-red-600">
        <AlertIcon className="size-6" />
      </span>
      <h1 className={cx('mt-5 font-semibold text-slate-900', props.titleClassName)}>
        {t('title')}
      </h1>
      <p className="mt-2 text-sm/6 text-pretty text-slate-600">{t('description')}</p>
      {digest ? <p className="mt-3 text-sm text-slate-600">{t('reference', { digest })}</p> : null}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button onClick={() => props.retry()}>{t('tryAgain')}</Button>
        {props.wayOut}
      </div>
    </div>
  );
}
