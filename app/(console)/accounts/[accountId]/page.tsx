import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button-link';
import { ListIcon, UsersIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/database/configured-database';
import { countAccountUsers } from '@/lib/accounts/count-account-users';
import { rememberAccount } from '@/lib/accounts/remember-account';
import { mayInAccount } from '@/lib/auth/permissions';
import { AccountFacts, type AccountAccess } from './account-facts';
import { AccountSettingsCard } from './account-settings-card';
import { DeactivatedNotice } from './deactivated-notice';
import { DelegationCard } from './delegation-card';
import { openAccount } from './open-account';
import { ClientMessages } from '@/components/i18n/client-messages';

type Props = { params: Promise<{ accountId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { account } = await openAccount((await params).accountId, 'account.view');
  return { title: account.name };
}

/** An account's overview: what it is, the viewer's access, and its settings for those who may. */
export default async function AccountPage({ params }: Props) {
  const { accountId } = await params;
  const { user, account, deactivated } = await openAccount(accountId, 'account.view');
  if (deactivated) return <DeactivatedNotice name={account.name} />;

  const t = await getTranslations('account');
  const db = await getDb();
  const [userCount] = await Promise.all([
    countAccountUsers(db, account.id),
    // The header's account picker starts at the account opened last.
    rememberAccount(db, user.id, account.id),
  ]);
  const ownRole = user.accountRoles.get(account.id);
  // Past requireAccount, someone without a role here reaches it through their host role.
  const access: AccountAccess | null = ownRole
    ? { via: 'account', role: ownRole }
    : user.hostRole
      ? { via: 'host', role: user.hostRole }
      : null;
  // Deleting it would leave an individual user with no role at all, and so deactivated.
  const onlyAccount = ownRole !== undefined && !user.hostRole && user.accountRoles.size === 1;

  return (
    <ClientMessages namespaces={['account.delegation', 'account.settings']}>
      <PageHeader
        title={account.name}
        description={t('description')}
        back={{ href: '/accounts', label: t('allAccounts') }}
        actions={
          <>
            {mayInAccount(user, 'account.activity', account) ? (
              <ButtonLink href={`/accounts/${account.id}/activity`} variant="secondary">
                <ListIcon className="size-4" />
                {t('activityLink')}
              </ButtonLink>
            ) : null}
            {mayInAccount(user, 'account.users.manage', account) ? (
              <ButtonLink href={`/accounts/${account.id}/users`} variant="secondary">
                <UsersIcon className="size-4" />
                {t('usersLink')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <div className="space-y-6">
        <AccountFacts account={account} userCount={userCount} access={access} />
        {mayInAccount(user, 'account.settings', account) ? (
          <AccountSettingsCard account={account} onlyAccount={onlyAccount} />
        ) : null}
        {mayInAccount(user, 'account.delegate', account) ? (
          <DelegationCard account={account} />
        ) : null}
      </div>
    </ClientMessages>
  );
}
