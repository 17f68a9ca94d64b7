import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/guards';
import { mayOnHost } from '@/lib/auth/permissions';
import { getSmtpSettings } from '@/lib/smtp/get-smtp-settings';
import { SmtpCard } from './smtp-card';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

export default async function DashboardPage() {
  const user = await requireUser();
  const t = await getTranslations('dashboard');
  // Only host admins see the SMTP switch at all.
  const showSmtp = mayOnHost(user, 'host.settings');
  const saved = showSmtp ? await getSmtpSettings(await getDb()) : null;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-6 lg:grid-cols-2">
        {showSmtp ? <SmtpCard saved={saved} /> : null}
      </div>
    </>
  );
}
