'use client';

import { useTranslations } from 'next-intl';
import { RecoveryCodesDisplay } from '@/components/two-factor/recovery-codes-display';
import type { FormAction } from '@/lib/actions/action-result';
import { ConfirmStepForm } from './confirm-step-form';
import { RefreshButton } from './refresh-button';

/** "Generate new codes", confirmed first; the new set is shown once, then "Done". */
export function RecoveryCodesPanel(props: {
  email: string;
  hostName: string;
  action: FormAction<{ recoveryCodes: string[] }>;
}) {
  const t = useTranslations('profileTwoFactor');
  const tSetup = useTranslations('twoFactorSetup');
  return (
    <div className="mt-3">
      <ConfirmStepForm
        action={props.action}
        label={t('regenerate')}
        question={t('regenerateConfirm')}
        yes={t('regenerateYes')}
        cancel={tSetup('cancel')}
        pending={t('regenerating')}
        done={(result) => (
          <div className="space-y-4">
            <RecoveryCodesDisplay
              codes={result.data.recoveryCodes}
              email={props.email}
              hostName={props.hostName}
            />
            <RefreshButton label={tSetup('savedThem')} />
          </div>
        )}
      />
    </div>
  );
}
