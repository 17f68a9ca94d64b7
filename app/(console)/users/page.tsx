import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { UsersIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/database/configured-database';
import { findGrantableAccounts } from '@/lib/accounts/find-grantable-accounts';
import { requireHostPermission } from '@/lib/auth/guards';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { listUsers, userRoleFilters } from '@/lib/users/list-users';
import {
  changeUserRoleAction,
  findGrantableAccountsAction,
  inviteUserAction,
  makeResetLinkAction,
  resetTwoFactorAction,
  regenerateInvitationAction,
  revokeUserAction,
  setUserStatusAction,
} from './actions';
import { InviteUserDialog } from './invite-user-dialog';
import { UsersTable } from './users-table';
import { ClientMessages } from '@/components/i18n/client-messages';
import { isFiltered, userListFilters, type UserListParams } from './user-list-params';
import { UserPager } from './user-pager';
import { UserSearch } from './user-search';

/** Up to this many accounts the account filter is a select; beyond, it would be a haystack. */
const accountFilterLimit = 100;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('users');
  return { title: t('title') };
}

/** Users (host admins): everyone they manage, in pages; search, filter, invite, edit. */
export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<UserListParams>;
}) {
  const viewer = await requireHostPermission('host.users.manage');
  const t = await getTranslations('users');
  const asked = userListFilters(await searchParams);
  const db = await getDb();
  // The account filter offers the accounts whose users the viewer manages (managed, or
  // delegated to the host) when they fit a select; with more, an account is picked from the
  // Accounts page (its Users link) and named here. Any other id in the address is ignored.
  const [offered, [picked = null]] = await Promise.all([
    findGrantableAccounts(db, viewer, { limit: accountFilterLimit + 1 }),
    asked.accountId ? findGrantableAccounts(db, viewer, { ids: [asked.accountId] }) : [],
  ]);
  const filters = { ...asked, accountId: picked?.id ?? null };
  const [page, smtpEnabled] = await Promise.all([
    listUsers(db, { viewer, ...filters, accountId: picked?.id }),
    isSmtpEnabled(db),
  ]);
  const filtered = isFiltered(filters);

  return (
    <ClientMessages namespaces={['users']}>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <InviteUserDialog
            action={inviteUserAction}
            findAccounts={findGrantableAccountsAction}
            smtpEnabled={smtpEnabled}
          />
        }
      />
      <UserSearch
        path="/users"
        filters={filters}
        roles={userRoleFilters.map((role) => ({ value: role, label: t(`search.roles.${role}`) }))}
        accounts={offered.length <= accountFilterLimit ? offered : undefined}
      />
      {picked ? (
        <p className="mb-2 text-sm text-slate-600">
          {t('search.inAccount', { account: picked.name })}{' '}
          <Link
            href={`/accounts/${picked.id}/users`}
            className="font-medium text-indigo-700 underline"
          >
            {t('search.openAccountUsers', { account: picked.name })}
          </Link>
        </p>
      ) : null}
      {/* Mounted even with no rows: revoking the last one listed must still say so. */}
      <UsersTable
        rows={page.rows}
        actions={{
          regenerate: regenerateInvitationAction,
          makeResetLink: makeResetLinkAction,
          changeRole: changeUserRoleAction,
          setStatus: setUserStatusAction,
          revoke: revokeUserAction,
          resetTwoFactor: resetTwoFactorAction,
        }}
        empty={
          <EmptyState
            icon={<UsersIcon />}
            title={
              filters.search
                ? t('search.none', { search: filters.search })
                : filtered || filters.position
                  ? t('search.noneFiltered')
                  : t('empty.title')
            }
            description={
              filtered || filters.position ? t('search.noneHint') : t('empty.description')
            }
          />
        }
      />
      {page.rows.length > 0 ? <UserPager path="/users" filters={filters} page={page} /> : null}
    </ClientMessages>
  );
}
