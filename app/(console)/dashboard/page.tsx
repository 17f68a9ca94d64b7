import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BuildingIcon } from '@/components/ui/icons';
import { LinkCard } from '@/components/ui/link-card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/database/configured-database';
import { listMyAccounts } from '@/lib/accounts/list-my-accounts';
import { requireUser } from '@/lib/auth/guards';
import { mayOnHost } from '@/lib/auth/permissions';
import { readEmailHealth } from '@/lib/outbox/email-health';
import { getSmtpSettings } from '@/lib/smtp/get-smtp-settings';
import { MyAccountsCard } from './my-accounts-card';
import { SmtpCard } from './smtp-card';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

export default async function DashboardPage() {
  const user = await requireUser();
  const t = await getTranslations('dashboard');
  // Only host admins see the SMTP switch at all.
  const showSmtp = mayOnHost(user, 'host.settings');
  const db = await getDb();
  const [saved, health, mine] = await Promise.all([
    showSmtp ? getSmtpSettings(db) : null,
    showSmtp ? readEmailHealth(db) : null,
    user.accountRoles.size > 0 ? listMyAccounts(db, user.id) : null,
  ]);
  return (
    <ClientMessages namespaces={['smtpSwitch']}>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-6 lg:grid-cols-2">
        {showSmtp ? <SmtpCard saved={saved} health={saved ? health : null} /> : null}
        {mine && mine.accounts.length > 0 ? <MyAccountsCard {...mine} /> : null}
        {mayOnHost(user, 'accounts.list') ? (
          <LinkCard
            href="/accounts"
            icon={<BuildingIcon />}
            title={t('accounts.title')}
            description={t('accounts.description')}
          />
        ) : null}
      </div>
    </ClientMessages>
  );
}
