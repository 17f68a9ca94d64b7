import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { defaultLocale, isLocale, localeCookieName, localeFromAcceptLanguage } from './locales';

// No locale in the URL. The language comes from the cookie the language switches set; on a
// browser without it, from the signed-in user's stored choice (so it follows them to a new
// device); else from the browser's preference.
async function pickLocale() {
  const picked = (await cookies()).get(localeCookieName)?.value;
  if (isLocale(picked)) return picked;
  const user = await getCurrentUser();
  if (user) return user.language;
  return localeFromAcceptLanguage((await headers()).get('accept-language')) ?? defaultLocale;
}

// Dates are shown in the server's time zone, as next-intl does by default; it would ask Intl for
// that zone again on every request, which costs more than rendering some whole components.
const serverTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export default getRequestConfig(async () => {
  const locale = await pickLocale();
  return {
    locale,
    timeZone: serverTimeZone,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
