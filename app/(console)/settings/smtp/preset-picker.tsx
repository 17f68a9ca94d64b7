'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { smtpPresets, type SmtpPreset } from '@/lib/smtp/presets';

/** Fills host, port and encryption for a common provider, and links its own guide. */
export function PresetPicker(props: {
  selected: SmtpPreset | null;
  onPick: (preset: SmtpPreset) => void;
}) {
  const t = useTranslations('smtp.presets');
  const id = useId();
  return (
    <div className="rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t('label')}
      </label>
      <select
        id={id}
        value={props.selected?.id ?? ''}
        onChange={(event) => {
          const preset = smtpPresets.find((candidate) => candidate.id === event.target.value);
          if (preset) props.onPick(preset);
        }}
        className="mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm sm:max-w-md"
      >
        <option value="">{t('choose')}</option>
        {smtpPresets.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.name}
          </option>
        ))}
      </select>
      {props.selected ? (
        <p className="mt-2 text-sm text-slate-700">
          {t('filled', { provider: props.selected.name })}{' '}
          <a
            href={props.selected.guide}
            target="_blank"
            rel="noreferrer noopener"
            className="font-medium text-indigo-700 underline"
          >
            {t('guide', { provider: props.selected.name })}
          </a>
        </p>
      ) : null}
      {props.selected?.oauthProvider ? (
        <p className="mt-2 text-sm text-slate-700">
          {t('oauthChosen', { provider: props.selected.name })}
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t('appPasswordHint')}</p>
      )}
    </div>
  );
}
