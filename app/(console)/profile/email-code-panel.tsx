'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/forms/use-form-action';
import type { AuthenticatorConfirmed } from '@/components/two-factor/authenticator-setup';
import { RecoveryCodesDisplay } from '@/components/two-factor/recovery-codes-display';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormAction } from '@/lib/actions/action-result';
import { ConfirmStepForm } from './confirm-step-form';

/**
 * Emailed codes: turned on by a code sent to the user's own address, or turned off. Without
 * the host's email, it cannot be turned on and says why.
 */
export function EmailCodePanel(props: {
  configured: boolean;
  canSetUp: boolean;
  smtpEnabled: boolean;
  email: string;
  hostName: string;
  startAction: FormAction<{ sentTo: string }>;
  confirmAction: FormAction<AuthenticatorConfirmed>;
  removeAction: FormAction;
}) {
  const t = useTranslations('profileTwoFactor');
  const tSetup = useTranslations('twoFactorSetup');
  const router = useRouter();
  const start = useFormAction(props.startAction);
  const confirm = useFormAction(props.confirmAction);

  if (props.configured) {
    return (
      <div className="mt-3">
        <ConfirmStepForm
          action={props.removeAction}
          label={t('email.remove')}
          question={t('email.removeConfirm')}
          yes={t('email.removeYes')}
          cancel={tSetup('cancel')}
          pending={t('removing')}
        />
      </div>
    );
  }
  if (!props.canSetUp) return null;
  if (!props.smtpEnabled) {
    return <p className="mt-3 text-sm text-amber-800">{t('email.needsSmtp')}</p>;
  }
  if (confirm.state?.ok) {
    const codes = confirm.state.data.recoveryCodes;
    return (
      <div className="mt-4 space-y-4">
        <FormMessage tone="success">{t('email.confirmed')}</FormMessage>
        {codes ? (
          <RecoveryCodesDisplay codes={codes} email={props.email} hostName={props.hostName} />
        ) : null}
        <Button onClick={() => router.refresh()}>{tSetup('savedThem')}</Button>
      </div>
    );
  }
  const sentTo = start.state?.ok ? start.state.data.sentTo : null;
  return (
    <div className="mt-3 space-y-4">
      <form onSubmit={start.onSubmit} className="space-y-3">
        {start.formError ? <FormMessage>{start.formError}</FormMessage> : null}
        {sentTo ? <FormMessage tone="success">{t('email.sent', { sentTo })}</FormMessage> : null}
        <Button type="submit" variant={sentTo ? 'secondary' : 'primary'} disabled={start.isPending}>
          {start.isPending ? t('email.starting') : sentTo ? t('email.sendAgain') : t('email.start')}
        </Button>
      </form>
      {sentTo ? (
        <form onSubmit={confirm.onSubmit} noValidate>
          <fieldset disabled={confirm.isPending} className="space-y-4">
            {confirm.formError ? <FormMessage>{confirm.formError}</FormMessage> : null}
            <TextField
              label={t('email.code')}
              name="code"
              required
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
              hint={t('email.codeHint')}
              errors={confirm.fieldErrors?.code}
            />
            <Button type="submit">
              {confirm.isPending ? t('email.confirming') : t('email.confirm')}
            </Button>
          </fieldset>
        </form>
      ) : null}
    </div>
  );
}
