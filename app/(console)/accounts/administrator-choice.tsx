'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';

export type Administrator = 'me' | 'invite';

/**
 * Add account's choice, as radio cards sending `administrator`: "I will administer it"
 * (managed, active) or "Invite its administrator" (unmanaged, in setup).
 */
export function AdministratorChoice(props: {
  value: Administrator;
  onChange: (value: Administrator) => void;
}) {
  const t = useTranslations('accounts.add');
  const id = useId();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{t('administrator')}</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {(['me', 'invite'] as const).map((option) => (
          <label
            key={option}
            className="flex cursor-pointer gap-3 rounded-lg p-3 text-sm ring-1 ring-slate-200 has-checked:ring-2 has-checked:ring-indigo-600"
          >
            <input
              type="radio"
              name="administrator"
              value={option}
              checked={props.value === option}
              onChange={() => props.onChange(option)}
              aria-labelledby={`${id}-${option}-title`}
              aria-describedby={`${id}-${option}-description`}
              className="mt-0.5 accent-indigo-600"
            />
            <span>
              <span id={`${id}-${option}-title`} className="block font-medium text-slate-900">
                {t(`${option}.title`)}
              </span>
              <span id={`${id}-${option}-description`} className="block text-slate-600">
                {t(`${option}.description`)}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
