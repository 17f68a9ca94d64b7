'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useRef } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import type { LinkEmailReader } from './link-email-reader';
import { LinkEmailStatus } from './link-email-status';

export type LinkKind = 'invitation' | 'reset';

/**
 * A link just made: read-only with Copy, its expiry, and either the emailed copy's delivery
 * status or, with the SMTP switch off, the reminder to share it by hand.
 */
export function IssuedLinkPanel(props: {
  kind: LinkKind;
  issued: IssuedLink;
  email: string;
  readEmail: LinkEmailReader;
  /** Host admins are pointed to the SMTP settings and the delivery log. */
  hostAdmin: boolean;
}) {
  const t = useTranslations('users.link');
  const format = useFormatter();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          {t('label', { kind: props.kind })}
        </label>
        <div className="mt-1.5 flex flex-wrap gap-2">
          <input
            id={inputId}
            ref={input}
            readOnly
            value={props.issued.link}
            onFocus={(event) => event.currentTarget.select()}
            className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900"
          />
          <CopyButton
            text={props.issued.link}
            label={t('copy')}
            copiedLabel={t('copied')}
            manualHint={t('copyManually')}
            fallbackInput={input}
          />
        </div>
        <p className="mt-1.5 text-sm text-slate-600">
          {t('expires', {
            time: format.dateTime(new Date(props.issued.expiresAt), {
              dateStyle: 'medium',
              timeStyle: 'short',
            }),
          })}
        </p>
      </div>
      {props.issued.emailId ? (
        <LinkEmailStatus
          emailId={props.issued.emailId}
          email={props.email}
          kind={props.kind}
          read={props.readEmail}
          hostAdmin={props.hostAdmin}
        />
      ) : (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {t('shareByHand', { email: props.email })}{' '}
          {props.hostAdmin ? (
            <Link href="/settings/smtp" className="font-medium underline">
              {t('setUpEmail')}
            </Link>
          ) : null}
        </p>
      )}
    </div>
  );
}
