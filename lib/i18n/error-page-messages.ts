import type { AbstractIntlMessages } from 'next-intl';
import type { Locale } from './locales';

const loading: Partial<Record<Locale, Promise<AbstractIntlMessages>>> = {};

/**
 * The error page's messages, for app/global-error.tsx, which renders without the root layout's
 * provider. Imported on demand: a static import would put both whole catalogs into a chunk
 * every page loads (the bundler keeps all of a JSON file), for a page that is rarely shown.
 * One promise per language, so React's `use` sees the same one on every render.
 */
export function loadErrorPageMessages(locale: Locale): Promise<AbstractIntlMessages> {
  loading[locale] ??= (
    locale === 'de' ? import('@/messages/de.json') : import('@/messages/en.json')
  ).then((catalog) => ({ errorPage: catalog.default.errorPage }));
  return loading[locale];
}
