import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { UsersIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/database/configured-database';
import { listAccountUsers } from '@/lib/accounts/list-account-users';
import { mayOnHost } from '@/lib/auth/permissions';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { DeactivatedNotice } from '../deactivated-notice';
import { openAccount } from '../open-account';
import { AccountUsersTable } from './account-users-table';
import {
  changeAccountRoleAction,
  inviteAccountUserAction,
  makeAccountResetLinkAction,
  readAccountLinkEmailAction,
  regenerateAccountInvitationAction,
  removeFromAccountAction,
} from './actions';
import { InviteAccountUserDialog } from './invite-account-user-dialog';
import { ClientMessages } from '@/components/i18n/client-messages';

type Props = { params: Promise<{ accountId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { account } = await openAccount((await params).accountId, 'account.users.manage');
  const t = await getTranslations('accountUsers');
  return { title: t('metaTitle', { account: account.name }) };
}

/** An account's Users page: the host Users page for roles in this one account. */
export default async function AccountUsersPage({ params }: Props) {
  const { accountId } = await params;
  const { user, account, deactivated } = await openAccount(accountId, 'account.users.manage');
  if (deactivated) return <DeactivatedNotice name={account.name} />;

  const t = await getTranslations();
  const db = await getDb();
  const [rows, smtpEnabled] = await Promise.all([
    listAccountUsers(db, { viewer: user, account }),
    isSmtpEnabled(db),
  ]);
  const names = { id: account.id, name: account.name };
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
      {rows.length > 0 ? (
        <p className="mb-2 text-sm text-slate-600">{t('users.count', { count: rows.length })}</p>
      ) : null}
      {/* Mounted even with no rows: revoking the last one listed must still say so. */}
      <AccountUsersTable
        rows={rows}
        account={names}
        panel={panel}
        actions={{
          regenerate: regenerateAccountInvitationAction,
          makeResetLink: makeAccountResetLinkAction,
          changeRole: changeAccountRoleAction,
          revoke: removeFromAccountAction,
        }}
        empty={
          <EmptyState
            icon={<UsersIcon />}
            title={t('users.empty.title')}
            description={t('accountUsers.empty.description', { account: account.name })}
          />
        }
      />
    </ClientMessages>
  );
}
