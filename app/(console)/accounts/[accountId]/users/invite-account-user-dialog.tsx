'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/action-result';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import { InviteDialog } from '@/app/(console)/users/invite-dialog';
import type { LinkPanelOptions } from '@/app/(console)/users/issue-link-section';
import { AccountRoleField } from './account-role-field';
import { withAccountId } from './with-account-id';

/** "Invite a user" of an account's Users page: a role in this account. */
export function InviteAccountUserDialog(props: {
  account: { id: string; name: string };
  action: FormAction<IssuedLink>;
  panel: LinkPanelOptions;
  smtpEnabled: boolean;
}) {
  const t = useTranslations('accountUsers.invite');
  return (
    <InviteDialog
      labels={{ open: t('open'), title: t('title') }}
      action={withAccountId(props.action, props.account.id)}
      smtpEnabled={props.smtpEnabled}
      panel={props.panel}
      roleField={(fieldErrors) => (
        <AccountRoleField
          accountName={props.account.name}
          defaultValue="view"
          errors={fieldErrors?.role}
        />
      )}
    />
  );
}
