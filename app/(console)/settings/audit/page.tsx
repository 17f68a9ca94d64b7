import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditSearch } from '@/components/audit/audit-search';
import { AuditTable } from '@/components/audit/audit-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ListIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { listAuditEvents } from '@/lib/audit/list-events';
import { requireHostPermission } from '@/lib/auth/guards';
import { getDb } from '@/lib/database/configured-database';
import {
  auditListFiltered,
  auditListHref,
  auditListQuery,
  type AuditListParams,
} from './audit-list-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('title') };
}

const path = '/settings/audit';

/**
 * The audit log, newest first, in pages: found by an email or name, who acted, what about, the
 * event and the days; each row opens to its details. Read-only: nothing here edits an event.
 */
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<AuditListParams>;
}) {
  await requireHostPermission('host.settings');
  const t = await getTranslations();
  const query = auditListQuery(await searchParams, null);
  const page = await listAuditEvents(await getDb(), query);
  const filtered = auditListFiltered(query);
  // ISO days compare as text; such a range matches nothing, and the form says why.
  const datesReversed = Boolean(query.from && query.to && query.to < query.from);

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        back={{ href: '/settings', label: t('settings.title') }}
      />
      {page.total > 0 || filtered || query.position ? (
        <AuditSearch query={query} path={path} filtered={filtered} datesReversed={datesReversed} />
      ) : null}
      {page.rows.length > 0 ? (
        <>
          <AuditTable rows={page.rows} caption={t('audit.title')} />
          <Pager
            label={t('audit.list.pages')}
            summary={
              page.totalIsAtLeast
                ? t('audit.list.totalAtLeast', { count: page.total })
                : t('audit.list.total', { count: page.total })
            }
            previous={{
              href: page.previous && auditListHref(query, page.previous, path),
              label: t('audit.list.previous'),
            }}
            next={{
              href: page.next && auditListHref(query, page.next, path),
              label: t('audit.list.next'),
            }}
          />
        </>
      ) : (
        <EmptyState
          icon={<ListIcon />}
          title={filtered || query.position ? t('audit.list.noneTitle') : t('audit.empty')}
          description={
            filtered || query.position ? t('audit.list.noneDescription') : t('audit.emptyHint')
          }
        />
      )}
    </>
  );
}
