'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';
import type { AuthenticatorConfirmed } from './authenticator-setup';
import { RecoveryCodesDisplay } from './recovery-codes-display';

/**
 * Turns emailed codes on: a button that emails a code to the user's own address, the field it
 * goes back into, and (for a first method) the recovery codes. `after` follows a confirmation.
 */
export function EmailCodeSetup(props: {
  email: string;
  hostName: string;
  startAction: FormAction<{ sentTo: string }>;
  confirmAction: FormAction<AuthenticatorConfirmed>;
  after?: ReactNode;
}) {
  const t = useTranslations('profileTwoFactor.email');
  const start = useFormAction(props.startAction);
  const confirm = useFormAction(props.confirmAction);

  if (confirm.state?.ok) {
    const codes = confirm.state.data.recoveryCodes;
    return (
      <div className="mt-4 space-y-4">
        <FormMessage tone="success">{t('confirmed')}</FormMessage>
        {codes ? (
          <RecoveryCodesDisplay codes={codes} email={props.email} hostName={props.hostName} />
        ) : null}
        {props.after}
      </div>
    );
  }
  const sentTo = start.state?.ok ? start.state.data.sentTo : null;
  return (
    <div className="mt-3 space-y-4">
      <form onSubmit={start.onSubmit} className="space-y-3">
        {start.formError ? <FormMessage>{start.formError}</FormMessage> : null}
        {sentTo ? <FormMessage tone="success">{t('sent', { sentTo })}</FormMessage> : null}
        <Button type="submit" variant={sentTo ? 'secondary' : 'primary'} disabled={start.isPending}>
          {start.isPending ? t('starting') : sentTo ? t('sendAgain') : t('start')}
        </Button>
      </form>
      {sentTo ? (
        <form onSubmit={confirm.onSubmit} noValidate>
          <fieldset disabled={confirm.isPending} className="space-y-4">
            {confirm.formError ? <FormMessage>{confirm.formError}</FormMessage> : null}
            <input type="hidden" name="method" value="email" />
            <TextField
              label={t('code')}
              name="code"
              required
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
              hint={t('codeHint')}
              errors={confirm.fieldErrors?.code}
            />
            <Button type="submit">{confirm.isPending ? t('confirming') : t('confirm')}</Button>
          </fieldset>
        </form>
      ) : null}
    </div>
  );
}
