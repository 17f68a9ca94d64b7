import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import de from '@/messages/de.json';
import en from '@/messages/en.json';

type EmailMessages = typeof en.email;

// Typed against the English catalog: a German email message missing here fails `tsc`.
const catalogs: Record<Locale, EmailMessages> = { en: en.email, de: de.email };

// Emails are rendered on the server, far from the reader's clock: dates say their time zone.
const formats = {
  dateTime: {
    expiry: {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    },
  },
} as const;

/**
 * The `email.*` messages in one language, usable anywhere (no Next request needed: the
 * outbox and the preview render outside one). A missing message or value throws: a raw key
 * or a blank must never reach an inbox, and a failed render is recorded where a sent one is not.
 */
export function emailTranslator(locale: Locale) {
  const t = createTranslator({
    locale,
    messages: { email: catalogs[locale] },
    namespace: 'email',
    timeZone: 'UTC',
    formats,
    onError(error) {
      throw error;
    },
  });
  // next-intl renders a value passed as `undefined` as nothing ("sent by , to check…"); only
  // a value left out entirely is its error.
  const checked = ((key: string, values?: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(values ?? {})) {
      if (value === undefined || value === null) {
        throw new Error(`Email message "${key}" is missing the value "${name}"`);
      }
    }
    return (t as (key: string, values?: Record<string, unknown>) => string)(key, values);
  }) as typeof t;
  return Object.assign(checked, { rich: t.rich, markup: t.markup, raw: t.raw, has: t.has });
}

export type EmailTranslator = ReturnType<typeof emailTranslator>;
