import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { BuildingIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accounts');
  return { title: t('title') };
}

export default async function AccountsPage() {
  await requireUser();
  const t = await getTranslations('accounts');
  const tSoon = await getTranslations('comingSoon');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <EmptyState icon={<BuildingIcon />} title={tSoon('title')} description={t('placeholder')} />
    </>
  );
}
