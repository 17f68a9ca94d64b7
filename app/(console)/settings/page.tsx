import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { IdCardIcon, ListIcon, LockIcon, MailIcon, SendIcon } from '@/components/ui/icons';
import { LinkCard } from '@/components/ui/link-card';
import { PageHeader } from '@/components/ui/page-header';
import { requireHostPermission } from '@/lib/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings');
  return { title: t('title') };
}

export default async function HostSettingsPage() {
  await requireHostPermission('host.settings');
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <ul className="grid gap-4 sm:grid-cols-2">
        <li>
          <LinkCard
            href="/settings/general"
            icon={<IdCardIcon />}
            title={t('general.title')}
            description={t('settings.generalDescription')}
          />
        </li>
        <li>
          <LinkCard
            href="/settings/smtp"
            icon={<MailIcon />}
            title={t('smtp.title')}
            description={t('settings.smtpDescription')}
          />
        </li>
        <li>
          <LinkCard
            href="/settings/delivery"
            icon={<SendIcon />}
            title={t('delivery.title')}
            description={t('settings.deliveryDescription')}
          />
        </li>
        <li>
          <LinkCard
            href="/settings/security"
            icon={<LockIcon />}
            title={t('security.title')}
            description={t('settings.securityDescription')}
          />
        </li>
        <li>
          <LinkCard
            href="/settings/audit"
            icon={<ListIcon />}
            title={t('audit.title')}
            description={t('settings.auditDescription')}
          />
        </li>
      </ul>
    </>
  );
}
