import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditLogView } from '@/components/audit/audit-log-view';
import { PageHeader } from '@/components/ui/page-header';
import { RetentionNote } from '@/components/ui/retention-note';
import { readAuditRetentionDays } from '@/lib/host/audit-retention';
import { listAuditEvents } from '@/lib/audit/list-events';
import { requireHostPermission } from '@/lib/auth/guards';
import { getDb } from '@/lib/database/configured-database';
import { auditListHref, auditListQuery, type AuditListParams } from './audit-list-params';

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
  const db = await getDb();
  const [page, retentionDays] = await Promise.all([
    listAuditEvents(db, query),
    readAuditRetentionDays(db),
  ]);

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        back={{ href: '/settings', label: t('settings.title') }}
      />
      <RetentionNote
        text={t('audit.retention.kept', { days: retentionDays })}
        change={{ href: '/settings/general', label: t('audit.retention.change') }}
      />
      <AuditLogView
        query={query}
        page={page}
        path={path}
        caption={t('audit.title')}
        emptyHint={t('audit.emptyHint')}
        hrefAt={(position) => auditListHref(query, position, path)}
        exportHref={auditListHref(query, null, `${path}/export`)}
      />
    </>
  );
}
