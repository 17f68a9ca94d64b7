'use client';

import { useTranslations } from 'next-intl';
import { SectionsDialog } from '@/components/ui/sections-dialog';
import type { AccountRow } from '@/lib/accounts/list-accounts';
import { AccountStatusSection } from './account-status-section';
import { CompleteSetupSection } from './complete-setup-section';
import { DeleteAccountSection } from './delete-account-section';
import { RenameAccountSection } from './rename-account-section';

/** What the Manage dialog needs of a row. */
export interface ManageableAccount extends Pick<
  AccountRow,
  'id' | 'name' | 'status' | 'managed' | 'userCount'
> {
  /** For an account in setup: the pending admin Complete setup invites again, if any. */
  pendingAdminEmail: string | null;
}

/** Manage on an account: Rename, Complete setup (in setup), Deactivate or Activate, Delete. */
export function ManageAccountDialog(props: {
  account: ManageableAccount;
  smtpEnabled: boolean;
  hostAdmin: boolean;
}) {
  const t = useTranslations('accounts.manage');
  const { account } = props;

  return (
    <SectionsDialog
      labels={{
        open: t('open'),
        openFor: t('openFor', { name: account.name }),
        title: t('title', { name: account.name }),
        close: t('close'),
      }}
    >
      {() => (
        <>
          <RenameAccountSection account={account} />
          {account.status === 'setup' ? (
            <CompleteSetupSection
              account={account}
              smtpEnabled={props.smtpEnabled}
              hostAdmin={props.hostAdmin}
            />
          ) : null}
          <AccountStatusSection account={account} />
          <DeleteAccountSection account={account} />
        </>
      )}
    </SectionsDialog>
  );
}
