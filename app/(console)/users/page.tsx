import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { UsersIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { listGrantableAccounts } from '@/lib/accounts/list-grantable-accounts';
import { requireHostPermission } from '@/lib/auth/guards';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('users');
  return { title: t('title') };
}

/** Users (host admins): everyone they manage, search by email, invite, edit. */
export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const viewer = await requireHostPermission('host.users.manage');
  const t = await getTranslations('users');
  const { q } = await searchParams;
  const search = (Array.isArray(q) ? q[0] : q)?.trim().slice(0, 254) ?? '';
  const db = await getDb();
  const [{ rows, truncated }, accounts, smtpEnabled] = await Promise.all([
    listUsers(db, { viewer, search }),
    listGrantableAccounts(db, viewer),
    isSmtpEnabled(db),
  ]);

  return (
    <>
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
      <form role="search" method="get" className="mb-4 flex max-w-md gap-2">
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
    </>
  );
}
