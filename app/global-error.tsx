'use client';

import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { Suspense, use, useEffect, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { buttonClassName } from '@/components/ui/button-styles';
import { AlertIcon } from '@/components/ui/icons';
import { defaultLocale, localeFromAcceptLanguage, type Locale } from '@/lib/i18n/locales';
import { loadErrorPageMessages } from '@/lib/i18n/error-page-messages';
import './globals.css';

// Replaces the root layout when it fails, so it brings its own <html>, styles and messages:
// no provider of the root layout is there. The language is the browser's (the session's or
// the cookie's would need the server that just failed).

type Props = { error: unknown; retry: () => void };

const noSubscription = () => () => {};
function useBrowserLocale(): Locale {
  return useSyncExternalStore(
    noSubscription,
    () => localeFromAcceptLanguage(navigator.languages.join(',')) ?? defaultLocale,
    () => defaultLocale,
  );
}

function GlobalErrorContent({ error, retry }: Props) {
  const t = useTranslations('errorPage');
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string'
      ? error.digest
      : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-16">
      <title>{t('title')}</title>
      <div className="flex max-w-md flex-col items-center text-center">
        <span className="flex size-12 items-center justify-center rounded-full bg-red-50 text-red-600">
          <AlertIcon className="size-6" />
        </span>
        <h1 className="mt-5 text-3xl font-semibold tracking-tight text-slate-900">{t('title')}</h1>
        <p className="mt-3 text-sm/6 text-pretty text-slate-600">{t('description')}</p>
        {digest ? (
          <p className="mt-3 text-sm text-slate-600">{t('reference', { digest })}</p>
        ) : null}
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <Button onClick={() => retry()}>{t('tryAgain')}</Button>
          {/* A full page load: the client router lives in the layout that failed. */}
          <a href="/dashboard" className={buttonClassName('secondary')}>
            {t('home')}
          </a>
        </div>
      </div>
    </main>
  );
}

function WithMessages({ locale, ...props }: Props & { locale: Locale }) {
  return (
    // No dates here: a fixed time zone spares next-intl's warning about a missing one.
    <NextIntlClientProvider
      locale={locale}
      timeZone="UTC"
      messages={use(loadErrorPageMessages(locale))}
    >
      <GlobalErrorContent {...props} />
    </NextIntlClientProvider>
  );
}

export default function GlobalError(props: Props) {
  const locale = useBrowserLocale();
  return (
    <html lang={locale}>
      <body className="bg-slate-50 text-slate-900 antialiased">
        <Suspense>
          <WithMessages locale={locale} {...props} />
        </Suspense>
      </body>
    </html>
  );
}
