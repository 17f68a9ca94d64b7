// Server action of the language switches (user menu and Profile): keeps the chosen language in
// a cookie for this browser and, for a signed-in user, on the user (emails are written in it).
'use server';

import { revalidatePath } from 'next/cache';
import { action } from '@/lib/actions/action';
import { changeLanguageSchema } from '@/lib/i18n/change-language';
import { rememberLocale } from '@/lib/i18n/remember-locale';
import { changeUserLanguage } from '@/lib/users/change-user-language';

// Public: a visitor whose session just ended still gets the language they asked for.
export const changeLanguageAction = action(
  { schema: changeLanguageSchema, access: 'public' },
  async ({ locale }, { db, actor }) => {
    if (actor.kind === 'user') await changeUserLanguage(db, { actor, language: locale });
    await rememberLocale(locale);
    // The root layout sets <html lang> and hands the catalog to client components: re-render it all.
    revalidatePath('/', 'layout');
    return { ok: true, data: undefined };
  },
);
