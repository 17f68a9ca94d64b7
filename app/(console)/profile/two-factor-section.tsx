import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { AuthenticatorSetup } from '@/components/two-factor/authenticator-setup';
import { EmailCodeSetup } from '@/components/two-factor/email-code-setup';
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
import { RefreshButton } from './refresh-button';
import { RemoveMethodForm } from './remove-method-form';
import { RecoveryCodesPanel } from './recovery-codes-panel';

/** Profile → Two-factor sign-in: the user's authenticator, emailed codes and recovery codes. */
export async function TwoFactorSection({ user }: { user: SessionUser }) {
  const t = await getTranslations('profileTwoFactor');
  const tSetup = await getTranslations('twoFactorSetup');
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
  const anyMethod = status.authenticator || status.email;
  const done = <RefreshButton label={tSetup('savedThem')} />;
  return (
    <section aria-labelledby="profile-two-factor">
      <h2 id="profile-two-factor" className="text-base font-semibold text-slate-900">
        {t('title')}
      </h2>
      <p className="mt-1 max-w-2xl text-sm text-pretty text-slate-600">{intro}</p>
      {inUse || anyMethod ? (
        <div className="mt-5 divide-y divide-slate-200 border-t border-slate-200">
          <MethodRow
            title={t('authenticator')}
            badge={status.authenticator ? <Badge tone="success">{t('on')}</Badge> : null}
            description={status.authenticator ? t('authenticatorOn') : t('authenticatorOff')}
          >
            {status.authenticator ? (
              <RemoveMethodForm method="totp" action={removeTwoFactorMethodAction} />
            ) : inUse ? (
              <AuthenticatorSetup
                email={user.email}
                hostName={hostName}
                startAction={startAuthenticatorAction}
                confirmAction={confirmTwoFactorMethodAction}
                after={done}
              />
            ) : null}
          </MethodRow>
          <MethodRow
            title={t('email.title')}
            badge={
              status.email ? (
                <Badge tone={smtpEnabled ? 'success' : 'warning'}>
                  {smtpEnabled ? t('on') : t('paused')}
                </Badge>
              ) : null
            }
            description={
              status.email
                ? smtpEnabled
                  ? t('email.on', { email: user.email })
                  : t('email.onSuspended')
                : t('email.off')
            }
          >
            {status.email ? (
              <RemoveMethodForm method="email" action={removeTwoFactorMethodAction} />
            ) : !inUse ? null : smtpEnabled ? (
              <EmailCodeSetup
                email={user.email}
                hostName={hostName}
                startAction={startEmailCodesAction}
                confirmAction={confirmTwoFactorMethodAction}
                after={done}
              />
            ) : (
              <p className="mt-3 text-sm text-amber-800">{t('email.needsSmtp')}</p>
            )}
          </MethodRow>
          <MethodRow
            title={t('recoveryTitle')}
            description={
              anyMethod ? t('recoveryLeft', { left: status.recoveryCodesLeft }) : t('recoveryNone')
            }
          >
            {anyMethod ? (
              <RecoveryCodesPanel
                email={user.email}
                hostName={hostName}
                action={regenerateRecoveryCodesAction}
              />
            ) : null}
          </MethodRow>
        </div>
      ) : null}
    </section>
  );
}

/** One row of the section: its name (and state), a line about it, and what can be done. */
function MethodRow(props: {
  title: string;
  badge?: ReactNode;
  description: string;
  children: ReactNode;
}) {
  return (
    <div className="py-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-medium text-slate-900">{props.title}</h3>
        {props.badge}
      </div>
      <p className="mt-1 text-sm text-slate-600">{props.description}</p>
      {props.children}
    </div>
  );
}
