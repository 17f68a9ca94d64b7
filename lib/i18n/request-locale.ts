import {
  defaultLocale,
  isLocale,
  localeCookieName,
  localeFromAcceptLanguage,
  type Locale,
} from './locales';

/**
 * The language of a request as the proxy can tell it, before any database is read: the
 * language switches' cookie, else the browser's preference (app/i18n-request.ts also asks the
 * signed-in user's stored choice, which needs the database).
 */
export function requestLocale(request: {
  cookies: { get(name: string): { value: string } | undefined };
  headers: Headers;
}): Locale {
  const picked = request.cookies.get(localeCookieName)?.value;
  if (isLocale(picked)) return picked;
  return localeFromAcceptLanguage(request.headers.get('accept-language')) ?? defaultLocale;
}
