'use client';

import { useTranslations } from 'next-intl';
import type { OAuthProvider } from '@/lib/oauth/oauth-settings';

const guides: Record<'microsoft' | 'google', { name: string; url: string }> = {
  microsoft: {
    name: 'Microsoft',
    url: 'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
  },
  google: { name: 'Google', url: 'https://support.google.com/a/answer/162106' },
};

const steps = {
  microsoft: [
    'microsoftStep1',
    'microsoftStep2',
    'microsoftStep3',
    'microsoftStep4',
    'microsoftStep5',
  ],
  google: ['googleStep1', 'googleStep2', 'googleStep3'],
} as const;

/** What the provider needs before a token works: the usual mistakes named, and its guide. */
export function OAuthSetupSteps(props: {
  provider: OAuthProvider;
  /** As typed so far, so the commands can be copied as they are. */
  clientId: string;
  mailbox: string;
}) {
  const t = useTranslations('smtp.form');
  if (props.provider === 'other') return null;
  const guide = guides[props.provider];
  return (
    <div className="rounded-lg bg-slate-50 p-4 text-sm ring-1 ring-slate-200">
      <p className="font-medium text-slate-800">{t('stepsTitle')}</p>
      <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-slate-700">
        {steps[props.provider].map((step) => (
          <li key={step}>
            {t(step, {
              clientId: props.clientId.trim() || t('clientIdPlaceholder'),
              mailbox: props.mailbox.trim() || t('mailboxPlaceholder'),
            })}
          </li>
        ))}
      </ol>
      <a
        href={guide.url}
        target="_blank"
        rel="noreferrer noopener"
        className="mt-3 inline-block font-medium text-indigo-700 underline"
      >
        {t('guide', { provider: guide.name })}
      </a>
    </div>
  );
}
