'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState, type ReactNode } from 'react';
import type { LinkPanelOptions } from '@/app/(console)/users/issue-link-section';
import { InvitationCell, UserEmailCell, UserStatusCell } from '@/app/(console)/users/user-cells';
import { FormMessage } from '@/components/ui/form-message';
import type { AccountUserRow } from '@/lib/accounts/list-account-users';
import type { FormAction } from '@/lib/actions/action-result';
import { EditAccountUserDialog, type AccountUserActions } from './edit-account-user-dialog';
import { withAccountId } from './with-account-id';

/** Revoke's answer: whether the user also left the instance (this was their only role). */
type Revoked = { email: string; removedFromInstance: boolean };

/**
 * The account's users: email, status, role here, invitation expiry, Edit; and above it the
 * confirmation of a revoke, kept when that leaves no row to show.
 */
export function AccountUsersTable(props: {
  rows: AccountUserRow[];
  account: { id: string; name: string };
  panel: LinkPanelOptions;
  actions: AccountUserActions;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
}) {
  const t = useTranslations();
  const [revoked, setRevoked] = useState<Revoked | null>(null);
  const { account } = props;
  const actions = useMemo(() => {
    const bound = <Data,>(action: FormAction<Data>) => withAccountId(action, account.id);
    const revoke = bound(props.actions.revoke);
    return {
      regenerate: bound(props.actions.regenerate),
      makeResetLink: bound(props.actions.makeResetLink),
      changeRole: bound(props.actions.changeRole),
      resetTwoFactor: bound(props.actions.resetTwoFactor),
      // The revoked user's row disappears with the answer, so the page, not the row, says so.
      revoke: (async (previous, form) => {
        const result = await revoke(previous, form);
        if (result.ok) setRevoked(result.data);
        return result;
      }) satisfies FormAction<Revoked>,
    };
  }, [account.id, props.actions]);
  const columns = [
    t('users.column.email'),
    t('users.column.status'),
    t('accountUsers.column.role'),
    t('users.column.invitation'),
    t('users.column.actions'),
  ];

  return (
    <>
      <div aria-live="polite" className="mb-4 empty:hidden">
        {revoked ? (
          <FormMessage tone="success">
            {t('accountUsers.revoked', {
              email: revoked.email,
              account: account.name,
              fromInstance: String(revoked.removedFromInstance),
            })}
          </FormMessage>
        ) : null}
      </div>
      {props.rows.length === 0 ? (
        props.empty
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">
              {t('accountUsers.metaTitle', { account: account.name })}
            </caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col" className="px-4 py-2 font-medium">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {props.rows.map((user) => (
                <tr key={user.id}>
                  <UserEmailCell email={user.email} isViewer={user.isViewer} />
                  <UserStatusCell status={user.status} twoFactor={user.twoFactor} />
                  <td className="px-4 py-3 text-slate-700">
                    {t(`users.roles.${user.role}`)}
                    {user.hostRole ? (
                      <span className="block text-slate-500">
                        {t('accountUsers.hostUser', { role: t(`users.hostRole.${user.hostRole}`) })}
                      </span>
                    ) : null}
                  </td>
                  <InvitationCell
                    status={user.status}
                    expiresAt={user.invitationExpiresAt}
                    expired={user.invitationExpired}
                  />
                  <td className="px-4 py-3">
                    {user.manageable ? (
                      <EditAccountUserDialog
                        user={user}
                        accountName={account.name}
                        panel={props.panel}
                        actions={actions}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
