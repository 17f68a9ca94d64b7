import { z } from 'zod';
import { locales } from './locales';

/** What the language switches submit: one of the supported locales. */
export const changeLanguageSchema = z.object({ locale: z.enum(locales, 'languageUnavailable') });
