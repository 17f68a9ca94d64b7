import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MailAllowlistNotice } from '@/components/smtp/mail-allowlist-notice';
import { EmptyState } from '@/components/ui/empty-state';
import { SendIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { RetentionNote } from '@/components/ui/retention-note';
import { Pager } from '@/components/ui/pager';
import { getDb } from '@/lib/database/configured-database';
import { readEmailRetentionDays } from '@/lib/host/read-email-retention';
import { requireHostPermission } from '@/lib/auth/guards';
import { activeMailAllowlist } from '@/lib/mail/allowlist';
import { listDeliveries } from '@/lib/outbox/list-deliveries';
import { resendEmailAction } from './actions';
import { DeliveryTable } from './delivery-table';
import {
  deliveryListFiltered,
  deliveryListHref,
  deliveryListQuery,
  type DeliveryListParams,
} from './delivery-list-params';
import { DeliverySearch } from './delivery-search';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('delivery');
  return { title: t('title') };
}

/**
 * The delivery log, newest first, in pages: found by recipient, kind, status and days queued,
 * each failed or held email with its reason and Resend.
 */
export default async function EmailDeliveryPage({
  searchParams,
}: {
  searchParams: Promise<DeliveryListParams>;
}) {
  await requireHostPermission('host.settings');
  const t = await getTranslations();
  const query = deliveryListQuery(await searchParams);
  const db = await getDb();
  const [page, retentionDays] = await Promise.all([
    listDeliveries(db, query),
    readEmailRetentionDays(db),
  ]);
  const filtered = deliveryListFiltered(query);
  // ISO days compare as text; such a range matches nothing, and the form says why.
  const datesReversed = Boolean(query.from && query.to && query.to < query.from);

  return (
    <ClientMessages namespaces={['delivery', 'users.link']}>
      <PageHeader
        title={t('delivery.title')}
        description={t('delivery.description')}
        back={{ href: '/settings', label: t('settings.title') }}
      />
      <RetentionNote
        text={t('delivery.retention.kept', { days: retentionDays })}
        change={{ href: '/settings/general', label: t('delivery.retention.change') }}
      />
      <MailAllowlistNotice allowlist={activeMailAllowlist()} />
      {page.total > 0 || filtered || query.position ? (
        <DeliverySearch query={query} datesReversed={datesReversed} />
      ) : null}
      {page.rows.length > 0 ? (
        <>
          <DeliveryTable rows={page.rows} resendAction={resendEmailAction} />
          <Pager
            label={t('delivery.list.pages')}
            summary={
              page.totalIsAtLeast
                ? t('delivery.list.totalAtLeast', { count: page.total })
                : t('delivery.list.total', { count: page.total })
            }
            previous={{
              href: page.previous && deliveryListHref(query, page.previous),
              label: t('delivery.list.previous'),
            }}
            next={{
              href: page.next && deliveryListHref(query, page.next),
              label: t('delivery.list.next'),
            }}
          />
        </>
      ) : filtered || query.position ? (
        <EmptyState
          icon={<SendIcon />}
          title={t('delivery.list.noneTitle')}
          description={t('delivery.list.noneDescription')}
        />
      ) : (
        <EmptyState
          icon={<SendIcon />}
          title={t('delivery.empty')}
          description={t('delivery.emptyHint')}
        />
      )}
    </ClientMessages>
  );
}
