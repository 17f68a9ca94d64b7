'use client';

import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { Suspense, use, useSyncExternalStore } from 'react';
import { buttonClassName } from '@/components/ui/button-styles';
import { ErrorNotice } from '@/components/ui/error-notice';
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

function GlobalErrorContent(props: Props) {
  const t = useTranslations('errorPage');
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-16">
      <ErrorNotice
        {...props}
        className="max-w-md"
        titleClassName="text-3xl tracking-tight"
        wayOut={
          // A full page load: the client router lives in the layout that failed.
          <a href="/dashboard" className={buttonClassName('secondary')}>
            {t('home')}
          </a>
        }
      />
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
