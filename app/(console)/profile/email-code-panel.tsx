'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { AuthenticatorConfirmed } from '@/components/two-factor/authenticator-setup';
import { EmailCodeSetup } from '@/components/two-factor/email-code-setup';
import { Button } from '@/components/ui/button';
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

  if (props.configured) {
    return (
      <div className="mt-3">
        <ConfirmStepForm
          action={props.removeAction}
          fields={{ method: 'email' }}
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
  return (
    <EmailCodeSetup
      email={props.email}
      hostName={props.hostName}
      startAction={props.startAction}
      confirmAction={props.confirmAction}
      after={<Button onClick={() => router.refresh()}>{tSetup('savedThem')}</Button>}
    />
  );
}
