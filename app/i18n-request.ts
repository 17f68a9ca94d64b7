import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { isDatabaseUnreachable } from '@/lib/errors/database-unreachable';
import {
  defaultLocale,
  isLocale,
  localeCookieName,
  localeFromAcceptLanguage,
} from '@/lib/i18n/locales';

// No locale in the URL. The language comes from the cookie the language switches set; on a
// browser without it, from the signed-in user's stored choice (so it follows them to a new
// device); else from the browser's preference.
async function pickLocale() {
  const picked = (await cookies()).get(localeCookieName)?.value;
  if (isLocale(picked)) return picked;
  const user = await storedChoice();
  if (user) return user.language;
  return localeFromAcceptLanguage((await headers()).get('accept-language')) ?? defaultLocale;
}

/**
 * The signed-in user, for their stored language. Without a database the outage page and the
 * forms' "database unavailable" message must still be worded: the browser's language will do.
 */
async function storedChoice() {
  try {
    return await getCurrentUser();
  } catch (error) {
    if (isDatabaseUnreachable(error)) return null;
    throw error;
  }
}

// Dates are shown in the server's time zone, as next-intl does by default; it would ask Intl for
// that zone again on every request, which costs more than rendering some whole components.
const serverTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export default getRequestConfig(async () => {
  const locale = await pickLocale();
  return {
    locale,
    timeZone: serverTimeZone,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
