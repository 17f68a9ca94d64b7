'use client';

import { useTranslations } from 'next-intl';
import type { TwoFactorMethod } from '@/db/schema';
import type { FormAction } from '@/lib/actions/action-result';
import { ConfirmStepForm } from './confirm-step-form';

/** Removing one of the user's methods, after a second "Yes". */
export function RemoveMethodForm(props: { method: TwoFactorMethod; action: FormAction }) {
  const t = useTranslations('profileTwoFactor');
  const tSetup = useTranslations('twoFactorSetup');
  const labels =
    props.method === 'email'
      ? { label: t('email.remove'), question: t('email.removeConfirm'), yes: t('email.removeYes') }
      : { label: t('remove'), question: t('removeConfirm'), yes: t('removeYes') };
  return (
    <div className="mt-3">
      <ConfirmStepForm
        action={props.action}
        fields={{ method: props.method }}
        {...labels}
        cancel={tSetup('cancel')}
        pending={t('removing')}
      />
    </div>
  );
}
