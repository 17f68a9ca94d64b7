'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { FormAction } from '@/lib/actions/action-result';
import type { UserRow } from '@/lib/users/list-users';
import type { IssuedLink } from '@/lib/invitations/issued-link';
import { InviteLinkSection } from './invite-link-section';
import { PasswordSection } from './password-section';
import { RevokeSection } from './revoke-section';
import { RoleSection } from './role-section';
import type { PickableAccount } from './role-picker';
import { StatusSection } from './status-section';

export interface UserActions {
  regenerate: FormAction<IssuedLink>;
  makeResetLink: FormAction<IssuedLink>;
  changeRole: FormAction;
  setStatus: FormAction;
  revoke: FormAction<{ email: string }>;
}

/** Edit on a user: invite link (pending) or reset link (active), roles, status, Revoke. */
export function EditUserDialog(props: {
  user: UserRow;
  accounts: PickableAccount[];
  actions: UserActions;
}) {
  const t = useTranslations('users.edit');
  const [open, setOpen] = useState(false);
  const { user } = props;
  const close = () => setOpen(false);

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => setOpen(true)}
        aria-label={t('openFor', { email: user.email })}
      >
        {t('open')}
      </Button>
      <Dialog open={open} onClose={close} title={t('title', { email: user.email })}>
        <div className="divide-y divide-slate-200 [&>*]:py-5 [&>*:first-child]:pt-0 [&>*:last-child]:pb-0">
          {user.status === 'pending' ? (
            <InviteLinkSection user={user} action={props.actions.regenerate} />
          ) : null}
          {user.status === 'active' ? (
            <PasswordSection user={user} action={props.actions.makeResetLink} />
          ) : null}
          <RoleSection user={user} accounts={props.accounts} action={props.actions.changeRole} />
          <StatusSection user={user} action={props.actions.setStatus} />
          <RevokeSection user={user} action={props.actions.revoke} onRevoked={close} />
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
