import { z } from 'zod';
import { locales } from './locales';

/** What the language switch submits: one of the supported locales. */
export const changeLanguageSchema = z.object({ locale: z.enum(locales) });

export type ChangeLanguageInput = z.infer<typeof changeLanguageSchema>;

/** The answer of the change-language action; `formError` is already translated. */
export type ChangeLanguageResult = { ok: true } | { ok: false; formError: string };

/** How long the chosen language is remembered: one year, in seconds. */
export const localeCookieMaxAge = 60 * 60 * 24 * 365;

/** The action's signature as `useActionState` calls it; the shell receives it as a prop. */
export type ChangeLanguageAction = (
  previous: ChangeLanguageResult | null,
  formData: FormData,
) => Promise<ChangeLanguageResult>;
