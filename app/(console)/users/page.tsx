import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { UsersIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/database/configured-database';
import { listGrantableAccounts } from '@/lib/accounts/list-grantable-accounts';
import { requireHostPermission } from '@/lib/auth/guards';
import { searchParam } from '@/lib/http/search-param';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { listUsers } from '@/lib/users/list-users';
import {
  changeUserRoleAction,
  inviteUserAction,
  makeResetLinkAction,
  regenerateInvitationAction,
  revokeUserAction,
  setUserStatusAction,
} from './actions';
import { InviteUserDialog } from './invite-user-dialog';
import { UsersTable } from './users-table';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('users');
  return { title: t('title') };
}

/** Users (host admins): everyone they manage, search by email, invite, edit. */
export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[]; account?: string | string[] }>;
}) {
  const viewer = await requireHostPermission('host.users.manage');
  const t = await getTranslations('users');
  const { q, account } = await searchParams;
  const search = searchParam(q);
  const db = await getDb();
  // The account picker offers the accounts whose users the viewer manages (managed, or
  // delegated to the host); anything else in the address bar is ignored.
  const accounts = await listGrantableAccounts(db, viewer);
  const pickedId = searchParam(account);
  const picked = accounts.find((candidate) => candidate.id === pickedId) ?? null;
  const [{ rows, truncated }, smtpEnabled] = await Promise.all([
    listUsers(db, { viewer, search, accountId: picked?.id }),
    isSmtpEnabled(db),
  ]);

  return (
    <ClientMessages namespaces={['users']}>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <InviteUserDialog
            action={inviteUserAction}
            accounts={accounts}
            smtpEnabled={smtpEnabled}
          />
        }
      />
      <form role="search" method="get" className="mb-4 flex max-w-2xl flex-wrap gap-2">
        {accounts.length > 0 ? (
          <>
            <label htmlFor="user-account" className="sr-only">
              {t('search.account')}
            </label>
            <select
              id="user-account"
              name="account"
              defaultValue={picked?.id ?? ''}
              className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs focus:outline-2 focus:outline-indigo-600"
            >
              <option value="">{t('search.allAccounts')}</option>
              {accounts.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label htmlFor="user-search" className="sr-only">
          {t('search.label')}
        </label>
        <input
          id="user-search"
          name="q"
          type="search"
          defaultValue={search}
          placeholder={t('search.placeholder')}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs focus:outline-2 focus:outline-indigo-600"
        />
        <Button type="submit" variant="secondary">
          {t('search.submit')}
        </Button>
      </form>
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
      {rows.length > 0 ? (
        <p className="mb-2 text-sm text-slate-600" aria-live="polite">
          {search
            ? t('search.count', { count: rows.length, search })
            : t('count', { count: rows.length })}
        </p>
      ) : null}
      {/* Mounted even with no rows: revoking the last one listed must still say so. */}
      <UsersTable
        rows={rows}
        accounts={accounts}
        actions={{
          regenerate: regenerateInvitationAction,
          makeResetLink: makeResetLinkAction,
          changeRole: changeUserRoleAction,
          setStatus: setUserStatusAction,
          revoke: revokeUserAction,
        }}
        empty={
          <EmptyState
            icon={<UsersIcon />}
            title={search ? t('search.none', { search }) : t('empty.title')}
            description={search ? t('search.noneHint') : t('empty.description')}
          />
        }
      />
      {truncated ? <p className="mt-3 text-sm text-slate-600">{t('truncated')}</p> : null}
    </ClientMessages>
  );
}
