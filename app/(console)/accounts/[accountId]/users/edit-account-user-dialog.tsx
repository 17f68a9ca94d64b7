'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { LinkPanelOptions } from '@/app/(console)/users/issue-link-section';
import { RevokeSection } from '@/app/(console)/users/revoke-section';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { AccountUserRow } from '@/lib/accounts/list-account-users';
import type { FormAction } from '@/lib/actions/action-result';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import { AccountRoleSection } from './account-role-section';
import { AccountUserLinks } from './account-user-links';

/** This page's actions, already bound to the account (./with-account-id.ts). */
export interface AccountUserActions {
  regenerate: FormAction<IssuedLink>;
  makeResetLink: FormAction<IssuedLink>;
  changeRole: FormAction;
  revoke: FormAction<{ email: string; removedFromInstance: boolean }>;
}

/** Edit on a user of the account: their links, their role here, Revoke from the account. */
export function EditAccountUserDialog(props: {
  user: AccountUserRow;
  accountName: string;
  panel: LinkPanelOptions;
  actions: AccountUserActions;
}) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const { user, accountName, actions } = props;
  const close = () => setOpen(false);
  const names = { email: user.email, account: accountName };

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => setOpen(true)}
        aria-label={t('users.edit.openFor', { email: user.email })}
      >
        {t('users.edit.open')}
      </Button>
      <Dialog open={open} onClose={close} title={t('users.edit.title', { email: user.email })}>
        <div className="divide-y divide-slate-200 [&>*]:py-5 [&>*:first-child]:pt-0 [&>*:last-child]:pb-0">
          <AccountUserLinks
            user={user}
            panel={props.panel}
            regenerate={actions.regenerate}
            makeResetLink={actions.makeResetLink}
          />
          <AccountRoleSection user={user} accountName={accountName} action={actions.changeRole} />
          <RevokeSection
            user={user}
            action={actions.revoke}
            onRevoked={close}
            explain={t('accountUsers.edit.revoke.explain', names)}
            confirmQuestion={t('accountUsers.edit.revoke.confirmQuestion', names)}
          />
          <div className="flex justify-end">
            <Button variant="secondary" onClick={close}>
              {t('users.edit.close')}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
