import 'server-only';
import { cookies } from 'next/headers';
import { localeCookieName, type Locale } from './locales';

/** How long the chosen language is remembered: one year, in seconds. */
const localeCookieMaxAge = 60 * 60 * 24 * 365;

/** Keeps a chosen language in this browser's cookie, which app/i18n-request.ts reads. */
export async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(localeCookieName, locale, {
    maxAge: localeCookieMaxAge,
    sameSite: 'lax',
    path: '/',
    httpOnly: true,
  });
}
