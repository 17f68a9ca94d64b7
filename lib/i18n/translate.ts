import type { getTranslations } from 'next-intl/server';

/**
 * next-intl's translator over the whole catalog, typed by lib/i18n/app-config.d.ts: a key that
 * is not in the English catalog fails `tsc`, literal or built from a union (`errors.${reason}`).
 */
export type Translate = Awaited<ReturnType<typeof getTranslations<never>>>;
