import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MailAllowlistNotice } from '@/components/smtp/mail-allowlist-notice';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { SendIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/database/configured-database';
import { requireHostPermission } from '@/lib/auth/guards';
import { activeMailAllowlist } from '@/lib/mail/allowlist';
import {
  deliveryStatuses,
  listDeliveries,
  type DeliveryStatus,
} from '@/lib/outbox/list-deliveries';
import { resendEmailAction } from './actions';
import { DeliveryTable } from './delivery-table';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('delivery');
  return { title: t('title') };
}

export default async function EmailDeliveryPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string }>;
}) {
  await requireHostPermission('host.settings');
  const t = await getTranslations();
  const { status: asked } = await searchParams;
  const status = deliveryStatuses.find((candidate) => candidate === asked) as
    DeliveryStatus | undefined;
  const rows = await listDeliveries(await getDb(), { status });
  const filters: { label: string; href: string; active: boolean }[] = [
    { label: t('delivery.filter.all'), href: '/settings/delivery', active: !status },
    ...deliveryStatuses.map((candidate) => ({
      label: t(`delivery.status.${candidate}`),
      href: `/settings/delivery?status=${candidate}`,
      active: status === candidate,
    })),
  ];

  return (
    <ClientMessages namespaces={['delivery', 'users.link']}>
      <PageHeader
        title={t('delivery.title')}
        description={t('delivery.description')}
        back={{ href: '/settings', label: t('settings.title') }}
      />
      <MailAllowlistNotice allowlist={activeMailAllowlist()} />
      <nav aria-label={t('delivery.filter.label')} className="mb-4 flex flex-wrap gap-2">
        {filters.map((filter) => (
          <Link
            key={filter.href}
            href={filter.href}
            aria-current={filter.active ? 'page' : undefined}
            className={cx(
              'rounded-full px-3 py-1 text-sm font-medium ring-1',
              filter.active
                ? 'bg-indigo-600 text-white ring-indigo-600'
                : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50',
            )}
          >
            {filter.label}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState
          icon={<SendIcon />}
          title={t('delivery.empty')}
          description={t('delivery.emptyHint')}
        />
      ) : (
        <DeliveryTable rows={rows} resendAction={resendEmailAction} />
      )}
    </ClientMessages>
  );
}
