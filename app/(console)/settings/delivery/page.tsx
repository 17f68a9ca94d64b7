import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { SendIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { requireHostPermission } from '@/lib/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('delivery');
  return { title: t('title') };
}

export default async function EmailDeliveryPage() {
  await requireHostPermission('host.settings');
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t('delivery.title')}
        description={t('delivery.description')}
        back={{ href: '/settings', label: t('settings.title') }}
      />
      <EmptyState
        icon={<SendIcon />}
        title={t('comingSoon.title')}
        description={t('delivery.placeholder')}
      />
    </>
  );
}
