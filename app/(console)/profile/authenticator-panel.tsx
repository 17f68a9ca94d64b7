'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import {
  AuthenticatorSetup,
  type AuthenticatorConfirmed,
  type AuthenticatorOffer,
} from '@/components/two-factor/authenticator-setup';
import { Button } from '@/components/ui/button';
import type { FormAction } from '@/lib/actions/action-result';
import { ConfirmStepForm } from './confirm-step-form';

/** Remove the authenticator, or set one up; after a set-up, "Done" shows the new state. */
export function AuthenticatorPanel(props: {
  configured: boolean;
  canSetUp: boolean;
  email: string;
  hostName: string;
  startAction: FormAction<AuthenticatorOffer>;
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
          fields={{ method: 'totp' }}
          label={t('remove')}
          question={t('removeConfirm')}
          yes={t('removeYes')}
          cancel={tSetup('cancel')}
          pending={t('removing')}
        />
      </div>
    );
  }
  if (!props.canSetUp) return null;
  return (
    <AuthenticatorSetup
      email={props.email}
      hostName={props.hostName}
      startAction={props.startAction}
      confirmAction={props.confirmAction}
      after={<Button onClick={() => router.refresh()}>{tSetup('savedThem')}</Button>}
    />
  );
}
