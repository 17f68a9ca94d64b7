'use client';

import { useTranslations } from 'next-intl';
import { SectionsDialog } from '@/components/ui/sections-dialog';
import type { FormAction } from '@/lib/actions/action-result';
import type { UserRow } from '@/lib/users/list-users';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import { InviteLinkSection } from './invite-link-section';
import { PasswordSection } from './password-section';
import { RevokeSection } from './revoke-section';
import { RoleSection } from './role-section';
import { StatusSection } from './status-section';
import { TwoFactorResetSection } from './two-factor-reset-section';

export interface UserActions {
  regenerate: FormAction<IssuedLink>;
  makeResetLink: FormAction<IssuedLink>;
  changeRole: FormAction;
  setStatus: FormAction;
  revoke: FormAction<{ email: string }>;
  resetTwoFactor: FormAction;
}

/**
 * Edit on a user: invite link (pending) or reset link (active), roles, status, two-factor
 * reset, Revoke.
 */
export function EditUserDialog(props: { user: UserRow; actions: UserActions }) {
  const t = useTranslations('users.edit');
  const { user } = props;

  return (
    <SectionsDialog
      labels={{
        open: t('open'),
        openFor: t('openFor', { email: user.email }),
        title: t('title', { email: user.email }),
        close: t('close'),
      }}
    >
      {(close) => (
        <>
          {user.status === 'pending' ? (
            <InviteLinkSection user={user} action={props.actions.regenerate} />
          ) : null}
          {user.status === 'active' ? (
            <PasswordSection user={user} action={props.actions.makeResetLink} />
          ) : null}
          <RoleSection user={user} action={props.actions.changeRole} />
          <StatusSection user={user} action={props.actions.setStatus} />
          <TwoFactorResetSection user={user} action={props.actions.resetTwoFactor} />
          <RevokeSection user={user} action={props.actions.revoke} onRevoked={close} />
        </>
      )}
    </SectionsDialog>
  );
}
