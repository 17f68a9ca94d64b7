import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { SessionUser } from '@/lib/auth/read-session';
import { getDb } from '@/lib/database/configured-database';
import { getHostName } from '@/lib/host/get-host-name';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import {
  policyRequires,
  readTwoFactorPolicy,
  twoFactorInUse,
} from '@/lib/two-factor/two-factor-policy';
import { readTwoFactorStatus } from '@/lib/two-factor/two-factor-status';
import {
  confirmTwoFactorMethodAction,
  startEmailCodesAction,
  regenerateRecoveryCodesAction,
  removeTwoFactorMethodAction,
  startAuthenticatorAction,
} from './actions';
import { AuthenticatorPanel } from './authenticator-panel';
import { EmailCodePanel } from './email-code-panel';
import { RecoveryCodesPanel } from './recovery-codes-panel';

/** Profile → Two-factor sign-in: the user's authenticator, emailed codes and recovery codes. */
export async function TwoFactorSection({ user }: { user: SessionUser }) {
  const t = await getTranslations('profileTwoFactor');
  const db = await getDb();
  const [policy, status, hostName, smtpEnabled] = await Promise.all([
    readTwoFactorPolicy(db),
    readTwoFactorStatus(db, user.id),
    getHostName(),
    isSmtpEnabled(db),
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
      {inUse || status.authenticator || status.email ? (
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
              confirmAction={confirmTwoFactorMethodAction}
              removeAction={removeTwoFactorMethodAction}
            />
          </div>
          <div className="py-4">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="text-sm font-medium text-slate-900">{t('email.title')}</h3>
              {status.email ? (
                <Badge tone={smtpEnabled ? 'success' : 'warning'}>
                  {smtpEnabled ? t('on') : t('paused')}
                </Badge>
              ) : null}
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {status.email
                ? smtpEnabled
                  ? t('email.on', { email: user.email })
                  : t('email.onSuspended')
                : t('email.off')}
            </p>
            <EmailCodePanel
              configured={status.email}
              canSetUp={inUse}
              smtpEnabled={smtpEnabled}
              email={user.email}
              hostName={hostName}
              startAction={startEmailCodesAction}
              confirmAction={confirmTwoFactorMethodAction}
              removeAction={removeTwoFactorMethodAction}
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
