import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CompassIcon } from '@/components/ui/icons';
import { StatusPage } from '@/components/ui/status-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notFound');
  return { title: t('title') };
}

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <StatusPage
      icon={<CompassIcon />}
      code={t('code')}
      title={t('title')}
      description={t('description')}
      action={{ href: '/dashboard', label: t('action') }}
    />
  );
}
