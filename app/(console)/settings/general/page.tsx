import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireHostPermission } from '@/lib/auth/guards';
import { getHostName } from '@/lib/host/get-host-name';
import { hostNameMaxLength } from '@/lib/host/host-name-field';
import { renameHostAction } from './actions';
import { HostNameSetting } from './host-name-setting';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('general');
  return { title: t('title') };
}

/** Host settings → General: the host name, edited in a dialog. */
export default async function GeneralSettingsPage() {
  await requireHostPermission('host.settings');
  const t = await getTranslations();
  const hostName = await getHostName();
  return (
    <>
      <PageHeader
        title={t('general.title')}
        description={t('general.description')}
        back={{ href: '/settings', label: t('settings.title') }}
      />
      <Card className="p-5 sm:p-6">
        <HostNameSetting
          hostName={hostName}
          maxLength={hostNameMaxLength}
          action={renameHostAction}
        />
      </Card>
    </>
  );
}
