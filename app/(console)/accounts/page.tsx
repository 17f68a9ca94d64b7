import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { BuildingIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/database/configured-database';
import { listAccounts } from '@/lib/accounts/list-accounts';
import { pendingAccountAdmin } from '@/lib/accounts/pending-account-admin';
import { requireUser } from '@/lib/auth/guards';
import { mayOnHost } from '@/lib/auth/permissions';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { AccountNotice, AccountNoticeProvider } from './account-notice';
import { AccountsTable } from './accounts-table';
import { AddAccountDialog } from './add-account-dialog';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Pager } from '@/components/ui/pager';
import { accountListHref, accountListQuery, type AccountListParams } from './account-list-params';
import { AccountSearch } from './account-search';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accounts');
  return { title: t('title') };
}

/**
 * Accounts: host users see every account, individual users their own. Host admins and standard
 * users add accounts and manage each one (rename, status, complete setup, delete).
 */
export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<AccountListParams>;
}) {
  const user = await requireUser();
  const t = await getTranslations('accounts');
  const db = await getDb();
  const mayManage = mayOnHost(user, 'accounts.manage');
  const hostAdmin = mayOnHost(user, 'host.settings');
  const query = accountListQuery(await searchParams);
  const [page, smtpEnabled] = await Promise.all([
    listAccounts(db, user, query),
    mayManage ? isSmtpEnabled(db) : false,
  ]);
  // Complete setup says whom it invites again, or asks for an address when nobody waits.
  const rows = await Promise.all(
    page.rows.map(async (account) => ({
      ...account,
      pendingAdminEmail:
        account.canManage && account.status === 'setup'
          ? ((await pendingAccountAdmin(db, account.id))?.email ?? null)
          : null,
    })),
  );
  const seesAll = mayOnHost(user, 'accounts.list');
  const empty = mayManage ? 'add' : seesAll ? 'host' : 'none';
  const filtered = Boolean(query.search || query.status || query.managed !== null);

  return (
    <ClientMessages
      namespaces={[
        'accounts.add',
        'accounts.admin',
        'accounts.manage',
        'accounts.notice',
        'users.delivery',
        'users.link',
      ]}
    >
      <AccountNoticeProvider>
        <PageHeader
          title={t('title')}
          description={seesAll ? t('description') : t('descriptionOwn')}
          actions={
            mayManage ? <AddAccountDialog smtpEnabled={smtpEnabled} hostAdmin={hostAdmin} /> : null
          }
        />
        <AccountNotice />
        {page.total > 0 || filtered || query.position ? <AccountSearch query={query} /> : null}
        {rows.length > 0 ? (
          <>
            <AccountsTable rows={rows} smtpEnabled={smtpEnabled} hostAdmin={hostAdmin} />
            <Pager
              label={t('list.pages')}
              summary={
                page.totalIsAtLeast
                  ? t('list.totalAtLeast', { count: page.total })
                  : t('list.total', { count: page.total })
              }
              previous={{
                href: page.previous && accountListHref(query, page.previous),
                label: t('list.previous'),
              }}
              next={{ href: page.next && accountListHref(query, page.next), label: t('list.next') }}
            />
          </>
        ) : filtered || query.position ? (
          <EmptyState
            icon={<BuildingIcon />}
            title={t('list.noneTitle')}
            description={t('list.noneDescription')}
          />
        ) : (
          <EmptyState
            icon={<BuildingIcon />}
            title={t(`empty.${empty}Title`)}
            description={t(`empty.${empty}Description`)}
          />
        )}
      </AccountNoticeProvider>
    </ClientMessages>
  );
}
