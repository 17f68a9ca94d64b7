'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { CopyButton } from '@/components/ui/copy-button';

/**
 * A new set of recovery codes, shown once: copy them, or download them as a text file made in
 * the browser (nothing is fetched again; the server keeps only their hashes).
 */
export function RecoveryCodesDisplay(props: { codes: string[]; email: string; hostName: string }) {
  const t = useTranslations('twoFactorSetup');
  const fallback = useRef<HTMLInputElement>(null);
  const text = [t('fileHeading', { email: props.email, hostName: props.hostName }), '']
    .concat(props.codes)
    .join('\n');
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text + '\n')}`;
  return (
    <section
      aria-labelledby="recovery-codes-title"
      className="rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200"
    >
      <h3 id="recovery-codes-title" className="text-sm font-semibold text-slate-900">
        {t('recoveryTitle')}
      </h3>
      <p className="mt-1 text-sm text-pretty text-slate-700">{t('recoveryDescription')}</p>
      <ul
        aria-label={t('recoveryTitle')}
        className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm text-slate-900"
      >
        {props.codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <input
        ref={fallback}
        readOnly
        value={props.codes.join(' ')}
        className="sr-only"
        tabIndex={-1}
        aria-hidden
      />
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <CopyButton
          text={text}
          label={t('copyCodes')}
          copiedLabel={t('copied')}
          manualHint={t('copyManual')}
          fallbackInput={fallback}
        />
        <a
          href={download}
          download={t('fileName')}
          className="text-sm font-medium text-indigo-700 hover:text-indigo-800"
        >
          {t('downloadCodes')}
        </a>
      </div>
    </section>
  );
}
