import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { MailIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { requireHostPermission } from '@/lib/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('smtp');
  return { title: t('title') };
}

export default async function SmtpConfigurationPage() {
  await requireHostPermission('host.settings');
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t('smtp.title')}
        description={t('smtp.description')}
        back={{ href: '/settings', label: t('settings.title') }}
      />
      <EmptyState
        icon={<MailIcon />}
        title={t('comingSoon.title')}
        description={t('smtp.placeholder')}
      />
    </>
  );
}
