import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { SessionUser } from '@/lib/auth/read-session';
import { getDb } from '@/lib/database/configured-database';
import { getHostName } from '@/lib/host/get-host-name';
import {
  policyRequires,
  readTwoFactorPolicy,
  twoFactorInUse,
} from '@/lib/two-factor/two-factor-policy';
import { readTwoFactorStatus } from '@/lib/two-factor/two-factor-status';
import {
  confirmAuthenticatorAction,
  regenerateRecoveryCodesAction,
  removeAuthenticatorAction,
  startAuthenticatorAction,
} from './actions';
import { AuthenticatorPanel } from './authenticator-panel';
import { RecoveryCodesPanel } from './recovery-codes-panel';

/** Profile → Two-factor sign-in: the user's authenticator and recovery codes, per the policy. */
export async function TwoFactorSection({ user }: { user: SessionUser }) {
  const t = await getTranslations('profileTwoFactor');
  const db = await getDb();
  const [policy, status, hostName] = await Promise.all([
    readTwoFactorPolicy(db),
    readTwoFactorStatus(db, user.id),
    getHostName(),
  ]);
  const inUse = twoFactorInUse(policy);
  const intro = !inUse
    ? t('off')
    : policyRequires(policy, user.hostRole)
      ? t('required')
      : t('optional');
  return (
    <section aria-labelledby="profile-two-factor">
      <h2 id="profile-two-factor" className="text-base font-semibold text-slate-900">
        {t('title')}
      </h2>
      <p className="mt-1 max-w-2xl text-sm text-pretty text-slate-600">{intro}</p>
      {inUse || status.authenticator ? (
        <div className="mt-5 divide-y divide-slate-200 border-t border-slate-200">
          <div className="py-4">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="text-sm font-medium text-slate-900">{t('authenticator')}</h3>
              {status.authenticator ? <Badge tone="success">{t('on')}</Badge> : null}
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {status.authenticator ? t('authenticatorOn') : t('authenticatorOff')}
            </p>
            <AuthenticatorPanel
              configured={status.authenticator}
              canSetUp={inUse}
              email={user.email}
              hostName={hostName}
              startAction={startAuthenticatorAction}
              confirmAction={confirmAuthenticatorAction}
              removeAction={removeAuthenticatorAction}
            />
          </div>
          <div className="py-4">
            <h3 className="text-sm font-medium text-slate-900">{t('recoveryTitle')}</h3>
            <p className="mt-1 text-sm text-slate-600">
              {status.authenticator || status.email
                ? t('recoveryLeft', { left: status.recoveryCodesLeft })
                : t('recoveryNone')}
            </p>
            {status.authenticator || status.email ? (
              <RecoveryCodesPanel
                email={user.email}
                hostName={hostName}
                action={regenerateRecoveryCodesAction}
              />
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
