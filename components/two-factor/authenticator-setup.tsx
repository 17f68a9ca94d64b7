'use client';

import { useTranslations } from 'next-intl';
import { useRef, type ReactNode } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';
import { FirstCodeForm, MethodConfirmed, type ConfirmedMethod } from './first-code-form';

export interface AuthenticatorOffer {
  /** The QR code, as a data URI. */
  qrCode: string;
  /** The same secret in base32, for typing into an app that cannot scan. */
  secret: string;
}

/**
 * Sets up an authenticator app: a button that asks the server for a new secret, then its QR
 * code and its key in text, then the first code that confirms it, then (for a first method)
 * the recovery codes. `after` renders what follows a confirmation (a link onward, or nothing).
 */
export function AuthenticatorSetup(props: {
  email: string;
  hostName: string;
  startAction: FormAction<AuthenticatorOffer>;
  confirmAction: FormAction<ConfirmedMethod>;
  after?: ReactNode;
}) {
  const t = useTranslations('twoFactorSetup');
  const start = useFormAction(props.startAction);
  const confirm = useFormAction(props.confirmAction);
  const keyInput = useRef<HTMLInputElement>(null);
  const offer = start.state?.ok ? start.state.data : null;

  if (confirm.state?.ok) {
    return (
      <MethodConfirmed
        message={t('confirmed')}
        recoveryCodes={confirm.state.data.recoveryCodes}
        email={props.email}
        hostName={props.hostName}
        after={props.after}
      />
    );
  }

  if (!offer) {
    return (
      <form onSubmit={start.onSubmit} className="mt-5">
        {start.formError ? (
          <div className="mb-4">
            <FormMessage>{start.formError}</FormMessage>
          </div>
        ) : null}
        <Button type="submit" disabled={start.isPending}>
          {start.isPending ? t('starting') : t('start')}
        </Button>
      </form>
    );
  }

  return (
    <div className="mt-5 space-y-5">
      <p className="text-sm text-pretty text-slate-700">{t('scan')}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URI made on the server */}
      <img
        src={offer.qrCode}
        alt={t('qrAlt', { email: props.email })}
        width={192}
        height={192}
        className="rounded-lg ring-1 ring-slate-200"
      />
      <div>
        <p className="text-sm text-slate-700">{t('manual')}</p>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <input
            ref={keyInput}
            readOnly
            value={offer.secret.replace(/(.{4})/g, '$1 ').trim()}
            aria-label={t('manual')}
            className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
          />
          <CopyButton
            text={offer.secret}
            label={t('copyKey')}
            copiedLabel={t('copied')}
            manualHint={t('copyManual')}
            fallbackInput={keyInput}
          />
        </div>
      </div>
      <FirstCodeForm
        method="totp"
        confirm={confirm}
        labels={{
          code: t('code'),
          hint: t('codeHint'),
          submit: t('confirm'),
          submitting: t('confirming'),
        }}
      />
    </div>
  );
}
