import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditLogView } from '@/components/audit/audit-log-view';
import { PageHeader } from '@/components/ui/page-header';
import { auditEventTypes } from '@/lib/audit/event-types';
import { listAuditEvents } from '@/lib/audit/list-events';
import { getDb } from '@/lib/database/configured-database';
import {
  auditListHref,
  auditListQuery,
  type AuditListParams,
} from '@/app/(console)/settings/audit/audit-list-params';
import { DeactivatedNotice } from '../deactivated-notice';
import { openAccount } from '../open-account';

type Props = { params: Promise<{ accountId: string }> };

/** What can happen inside an account: the filter offers only these. */
const accountEventTypes = auditEventTypes.filter(
  (type) => type.startsWith('account.') || type.startsWith('user.'),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { account } = await openAccount((await params).accountId, 'account.activity');
  const t = await getTranslations('audit.activity');
  return { title: t('metaTitle', { account: account.name }) };
}

/**
 * An account's Activity: the audit log's events of this account only (the query is scoped by
 * the account the permission check opened), newest first, with the host log's filters.
 */
export default async function AccountActivityPage({
  params,
  searchParams,
}: Props & { searchParams: Promise<AuditListParams> }) {
  const { accountId } = await params;
  const { account, deactivated } = await openAccount(accountId, 'account.activity');
  if (deactivated) return <DeactivatedNotice name={account.name} />;

  const t = await getTranslations();
  const query = auditListQuery(await searchParams, account.id);
  const page = await listAuditEvents(await getDb(), query);
  const path = `/accounts/${account.id}/activity`;

  return (
    <>
      <PageHeader
        title={t('audit.activity.title')}
        description={t('audit.activity.description', { account: account.name })}
        back={{ href: `/accounts/${account.id}`, label: account.name }}
      />
      <AuditLogView
        query={query}
        page={page}
        path={path}
        caption={t('audit.activity.title')}
        emptyHint={t('audit.activity.emptyHint')}
        types={accountEventTypes}
        hrefAt={(position) => auditListHref(query, position, path)}
        exportHref={auditListHref(query, null, `${path}/export`)}
      />
    </>
  );
}
