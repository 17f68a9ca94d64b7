// Server actions of the console shell: switching the interface language (kept in a cookie).
'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import {
  changeLanguageSchema,
  localeCookieMaxAge,
  type ChangeLanguageResult,
} from '@/lib/i18n/change-language';
import { localeCookieName } from '@/lib/i18n/locales';

export async function changeLanguage(
  _previous: ChangeLanguageResult | null,
  formData: FormData,
): Promise<ChangeLanguageResult> {
  const parsed = changeLanguageSchema.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) {
    const t = await getTranslations('languageSwitch');
    return { ok: false, formError: t('unavailable') };
  }
  (await cookies()).set(localeCookieName, parsed.data.locale, {
    maxAge: localeCookieMaxAge,
    sameSite: 'lax',
    path: '/',
    httpOnly: true,
  });
  // The root layout sets <html lang> and hands the catalog to client components: re-render it all.
  revalidatePath('/', 'layout');
  return { ok: true };
}
