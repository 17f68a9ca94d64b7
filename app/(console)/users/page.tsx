import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { UsersIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { requireHostPermission } from '@/lib/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('users');
  return { title: t('title') };
}

export default async function UsersPage() {
  await requireHostPermission('host.users.manage');
  const t = await getTranslations('users');
  const tSoon = await getTranslations('comingSoon');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <EmptyState icon={<UsersIcon />} title={tSoon('title')} description={t('placeholder')} />
    </>
  );
}
