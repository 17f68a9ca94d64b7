'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { cx } from '@/components/ui/cx';
import { CheckIcon } from '@/components/ui/icons';
import type { FormAction } from '@/lib/actions/action-result';
import { locales } from '@/lib/i18n/locales';

/**
 * One submit button per language. A plain form, so it works before JavaScript loads; the
 * action keeps the choice and the page comes back in the chosen language. Used in the user
 * menu and on the Profile page, with the same action.
 */
export function LanguageSwitch({ action, legend }: { action: FormAction; legend?: string }) {
  const t = useTranslations('languageSwitch');
  const current = useLocale();
  const [state, formAction, isPending] = useActionState(action, null);
  const error = state?.ok === false ? (state.formError ?? state.fieldErrors?.locale?.[0]) : null;

  return (
    <form action={formAction}>
      <fieldset disabled={isPending}>
        <legend className="mb-2 text-xs font-medium text-slate-600">{legend ?? t('legend')}</legend>
        <div className="grid grid-cols-2 gap-1 rounded-lg bg-slate-100 p-1">
          {locales.map((locale) => {
            const selected = locale === current;
            return (
              <button
                key={locale}
                type="submit"
                name="locale"
                value={locale}
                lang={locale}
                aria-pressed={selected}
                className={cx(
                  'flex items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-wait',
                  selected
                    ? 'bg-white text-slate-900 shadow-xs'
                    : 'text-slate-600 hover:bg-white/60 hover:text-slate-900',
                )}
              >
                {selected ? <CheckIcon className="size-4 text-indigo-600" /> : null}
                {t(`names.${locale}`)}
              </button>
            );
          })}
        </div>
      </fieldset>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
