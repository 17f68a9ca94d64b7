import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { UsersIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/database/configured-database';
import { listAccountUsers } from '@/lib/accounts/list-account-users';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { DeactivatedNotice } from '../deactivated-notice';
import { openAccount } from '../open-account';
import { AccountUsersTable } from './account-users-table';
import {
  changeAccountRoleAction,
  inviteAccountUserAction,
  makeAccountResetLinkAction,
  resetAccountUserTwoFactorAction,
  readAccountLinkEmailAction,
  regenerateAccountInvitationAction,
  removeFromAccountAction,
} from './actions';
import { InviteAccountUserDialog } from './invite-account-user-dialog';
import { ClientMessages } from '@/components/i18n/client-messages';
import {
  isFiltered,
  userListFilters,
  type UserListParams,
} from '@/app/(console)/users/user-list-params';
import { UserPager } from '@/app/(console)/users/user-pager';
import { UserSearch } from '@/app/(console)/users/user-search';
import { accountRoles, mayOnHost, type AccountRole } from '@/lib/auth/permissions';

type Props = { params: Promise<{ accountId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { account } = await openAccount((await params).accountId, 'account.users.manage');
  const t = await getTranslations('accountUsers');
  return { title: t('metaTitle', { account: account.name }) };
}

/** An account's Users page: the host Users page for roles in this one account. */
export default async function AccountUsersPage({
  params,
  searchParams,
}: Props & { searchParams: Promise<UserListParams> }) {
  const { accountId } = await params;
  const { user, account, deactivated } = await openAccount(accountId, 'account.users.manage');
  if (deactivated) return <DeactivatedNotice name={account.name} />;

  const t = await getTranslations();
  const db = await getDb();
  const filters = { ...userListFilters(await searchParams), accountId: null };
  const role = filters.role?.startsWith('account.')
    ? (filters.role.slice('account.'.length) as AccountRole)
    : null;
  const [page, smtpEnabled] = await Promise.all([
    listAccountUsers(db, { viewer: user, account, ...filters, role }),
    isSmtpEnabled(db),
  ]);
  const names = { id: account.id, name: account.name };
  const path = `/accounts/${account.id}/users`;
  // A link's email is followed through this account; host admins are pointed to email settings.
  const panel = {
    readEmail: { action: readAccountLinkEmailAction, fields: { accountId: account.id } },
    hostAdmin: mayOnHost(user, 'host.settings'),
  };

  return (
    <ClientMessages namespaces={['accountUsers', 'users']}>
      <PageHeader
        title={t('accountUsers.title')}
        description={t('accountUsers.description', { account: account.name })}
        back={{ href: `/accounts/${account.id}`, label: account.name }}
        actions={
          <InviteAccountUserDialog
            account={names}
            action={inviteAccountUserAction}
            panel={panel}
            smtpEnabled={smtpEnabled}
          />
        }
      />
      <UserSearch
        path={path}
        filters={filters}
        roles={accountRoles.map((role) => ({
          value: `account.${role}`,
          label: t(`users.roles.${role}`),
        }))}
      />
      {/* Mounted even with no rows: revoking the last one listed must still say so. */}
      <AccountUsersTable
        rows={page.rows}
        account={names}
        panel={panel}
        actions={{
          regenerate: regenerateAccountInvitationAction,
          makeResetLink: makeAccountResetLinkAction,
          changeRole: changeAccountRoleAction,
          revoke: removeFromAccountAction,
          resetTwoFactor: resetAccountUserTwoFactorAction,
        }}
        empty={
          <EmptyState
            icon={<UsersIcon />}
            title={
              filters.search
                ? t('users.search.none', { search: filters.search })
                : isFiltered(filters) || filters.position
                  ? t('users.search.noneFiltered')
                  : t('users.empty.title')
            }
            description={
              isFiltered(filters) || filters.position
                ? t('users.search.noneHint')
                : t('accountUsers.empty.description', { account: account.name })
            }
          />
        }
      />
      {page.rows.length > 0 ? <UserPager path={path} filters={filters} page={page} /> : null}
    </ClientMessages>
  );
}
