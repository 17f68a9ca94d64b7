'use client';

import { useTranslations } from 'next-intl';
import type { LinkPanelOptions } from '@/app/(console)/users/issue-link-section';
import { RevokeSection } from '@/app/(console)/users/revoke-section';
import { TwoFactorResetSection } from '@/app/(console)/users/two-factor-reset-section';
import { SectionsDialog } from '@/components/ui/sections-dialog';
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
  resetTwoFactor: FormAction;
}

/** Edit on a user of the account: their links, their role here, Revoke from the account. */
export function EditAccountUserDialog(props: {
  user: AccountUserRow;
  accountName: string;
  panel: LinkPanelOptions;
  actions: AccountUserActions;
}) {
  const t = useTranslations();
  const { user, accountName, actions } = props;
  const names = { email: user.email, account: accountName };

  return (
    <SectionsDialog
      labels={{
        open: t('users.edit.open'),
        openFor: t('users.edit.openFor', { email: user.email }),
        title: t('users.edit.title', { email: user.email }),
        close: t('users.edit.close'),
      }}
    >
      {(close) => (
        <>
          <AccountUserLinks
            user={user}
            panel={props.panel}
            regenerate={actions.regenerate}
            makeResetLink={actions.makeResetLink}
          />
          <AccountRoleSection user={user} accountName={accountName} action={actions.changeRole} />
          {/* Like a reset link, it takes managing the user in every account they are in. */}
          {user.linksAllowed ? (
            <TwoFactorResetSection user={user} action={actions.resetTwoFactor} />
          ) : null}
          <RevokeSection
            user={user}
            action={actions.revoke}
            onRevoked={close}
            explain={t('accountUsers.edit.revoke.explain', names)}
            confirmQuestion={t('accountUsers.edit.revoke.confirmQuestion', names)}
          />
        </>
      )}
    </SectionsDialog>
  );
}
