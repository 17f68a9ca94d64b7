'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
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
  const [open, setOpen] = useState(false);
  const { account } = props;
  const close = () => setOpen(false);

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => setOpen(true)}
        aria-label={t('openFor', { name: account.name })}
      >
        {t('open')}
      </Button>
      <Dialog open={open} onClose={close} title={t('title', { name: account.name })}>
        <div className="divide-y divide-slate-200 [&>*]:py-5 [&>*:first-child]:pt-0 [&>*:last-child]:pb-0">
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
          <div className="flex justify-end">
            <Button variant="secondary" onClick={close}>
              {t('close')}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
