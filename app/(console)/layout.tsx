import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Header } from '@/components/shell/header';
import { Sidebar } from '@/components/shell/sidebar';
import { SkipLink } from '@/components/shell/skip-link';
import { getDb } from '@/lib/database/configured-database';
import { listMyAccounts } from '@/lib/accounts/list-my-accounts';
import { requireUser } from '@/lib/auth/guards';
import { mayOnHost } from '@/lib/auth/permissions';
import { readEmailFailing } from '@/lib/outbox/email-health';
import { EmailFailingBanner } from '@/components/shell/email-failing-banner';
import { CertificateExpiringBanner } from '@/components/shell/certificate-expiring-banner';
import { readCertificateWarning } from '@/lib/smtp/server-certificate';
import { getHostName } from '@/lib/host/get-host-name';
import { changeLanguageAction } from './actions';
import { signOutAction, signOutEverywhereAction } from './session-actions';

const mainId = 'main-content';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shell');
  const hostName = await getHostName();
  return {
    title: { template: t('titleTemplate', { page: '%s', hostName }), default: hostName },
  };
}

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations('shell');
  const db = await getDb();
  // Those who can fix email: host admins (the SMTP configuration is theirs alone).
  const seesEmail = mayOnHost(user, 'host.settings');
  const [hostName, myAccounts, emailFailing, certificate] = await Promise.all([
    getHostName(),
    user.accountRoles.size > 0 ? listMyAccounts(db, user.id) : undefined,
    seesEmail ? readEmailFailing(db) : null,
    seesEmail ? readCertificateWarning(db) : null,
  ]);

  return (
    <div className="min-h-dvh">
      <SkipLink targetId={mainId}>{t('skipToContent')}</SkipLink>
      <Header
        hostName={hostName}
        myAccounts={myAccounts}
        user={{ email: user.email }}
        changeLanguageAction={changeLanguageAction}
        signOutActions={{ signOut: signOutAction, signOutEverywhere: signOutEverywhereAction }}
      />
      {emailFailing ? <EmailFailingBanner failing={emailFailing} /> : null}
      {certificate ? <CertificateExpiringBanner warning={certificate} /> : null}
      <div className="md:flex">
        <Sidebar user={user} />
        <main id={mainId} tabIndex={-1} className="min-w-0 flex-1">
          <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 md:px-10 md:py-10">{children}</div>
        </main>
      </div>
    </div>
  );
}
