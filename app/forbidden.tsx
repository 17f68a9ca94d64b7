import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LockIcon } from '@/components/ui/icons';
import { StatusPage } from '@/components/ui/status-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('forbidden');
  return { title: t('title') };
}

export default async function Forbidden() {
  const t = await getTranslations('forbidden');
  return (
    <StatusPage
      icon={<LockIcon />}
      code={t('code')}
      title={t('title')}
      description={t('description')}
      action={{ href: '/dashboard', label: t('action') }}
    />
  );
}
