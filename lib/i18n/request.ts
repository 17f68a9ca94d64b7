import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale, localeCookieName, localeFromAcceptLanguage } from './locales';

// No locale in the URL: the language comes from the cookie the language switch sets,
// else from the browser's preference.
export default getRequestConfig(async () => {
  const picked = (await cookies()).get(localeCookieName)?.value;
  const locale = isLocale(picked)
    ? picked
    : (localeFromAcceptLanguage((await headers()).get('accept-language')) ?? defaultLocale);
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
