'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/action-result';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import { InviteDialog } from './invite-dialog';
import { RolePicker, type AccountSearch } from './role-picker';
import { hostRoles } from '@/lib/auth/permissions';

/** "Invite a new user" of the host Users page: a host role, or roles in accounts. */
export function InviteUserDialog(props: {
  action: FormAction<IssuedLink>;
  findAccounts: AccountSearch;
  smtpEnabled: boolean;
}) {
  const t = useTranslations('users.invite');
  return (
    <InviteDialog
      labels={{ open: t('open'), title: t('title') }}
      action={props.action}
      smtpEnabled={props.smtpEnabled}
      roleField={(fieldErrors) => (
        <RolePicker
          initial={{ type: 'host', hostRole: 'view' }}
          hostRoles={hostRoles}
          accounts={[]}
          findAccounts={props.findAccounts}
          errors={fieldErrors}
        />
      )}
    />
  );
}
