'use client';

import { useTranslations } from 'next-intl';
import { useRef, type ReactNode } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';
import { RecoveryCodesDisplay } from './recovery-codes-display';

export interface AuthenticatorOffer {
  /** The QR code, as a data URI. */
  qrCode: string;
  /** The same secret in base32, for typing into an app that cannot scan. */
  secret: string;
}

export interface AuthenticatorConfirmed {
  recoveryCodes: string[] | null;
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
  confirmAction: FormAction<AuthenticatorConfirmed>;
  after?: ReactNode;
}) {
  const t = useTranslations('twoFactorSetup');
  const start = useFormAction(props.startAction);
  const confirm = useFormAction(props.confirmAction);
  const keyInput = useRef<HTMLInputElement>(null);
  const offer = start.state?.ok ? start.state.data : null;

  if (confirm.state?.ok) {
    const codes = confirm.state.data.recoveryCodes;
    return (
      <div className="mt-5 space-y-4">
        <FormMessage tone="success">{t('confirmed')}</FormMessage>
        {codes ? (
          <RecoveryCodesDisplay codes={codes} email={props.email} hostName={props.hostName} />
        ) : null}
        {props.after}
      </div>
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
      <form onSubmit={confirm.onSubmit} noValidate>
        <fieldset disabled={confirm.isPending} className="space-y-4">
          {confirm.formError ? <FormMessage>{confirm.formError}</FormMessage> : null}
          <input type="hidden" name="method" value="totp" />
          <TextField
            label={t('code')}
            name="code"
            required
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            spellCheck={false}
            hint={t('codeHint')}
            errors={confirm.fieldErrors?.code}
          />
          <Button type="submit">{confirm.isPending ? t('confirming') : t('confirm')}</Button>
        </fieldset>
      </form>
    </div>
  );
}
