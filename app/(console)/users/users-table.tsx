'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import type { FormAction } from '@/lib/actions/action-result';
import type { UserRow } from '@/lib/users/list-users';
import { EditUserDialog, type UserActions } from './edit-user-dialog';
import { InvitationCell, UserEmailCell, UserStatusCell } from './user-cells';

/**
 * The Users table: email, status, accounts, permissions, invitation expiry, Edit; and above it
 * the confirmation of a revoke, kept when that leaves no row to show.
 */
export function UsersTable(props: {
  rows: UserRow[];
  actions: UserActions;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
}) {
  const t = useTranslations('users');
  const [revoked, setRevoked] = useState<string | null>(null);
  // The revoked user's row disappears with the answer, so the page, not the row, says so.
  const revoke: FormAction<{ email: string }> = async (previous, form) => {
    const result = await props.actions.revoke(previous, form);
    if (result.ok) setRevoked(result.data.email);
    return result;
  };
  const actions = { ...props.actions, revoke };

  return (
    <>
      <div aria-live="polite" className="mb-4 empty:hidden">
        {revoked ? (
          <FormMessage tone="success">{t('revoked', { email: revoked })}</FormMessage>
        ) : null}
      </div>
      {props.rows.length === 0 ? (
        props.empty
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t('title')}</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                {(
                  ['email', 'status', 'accounts', 'permissions', 'invitation', 'actions'] as const
                ).map((column) => (
                  <th key={column} scope="col" className="px-4 py-2 font-medium">
                    {t(`column.${column}`)}
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
                    {user.accounts.length === 0 && user.otherAccounts === 0 ? (
                      '—'
                    ) : (
                      <ul>
                        {user.accounts.map((account) => (
                          <li key={account.id}>
                            {t('accountRole', {
                              account: account.name,
                              role: t(`roles.${account.role}`),
                            })}
                          </li>
                        ))}
                        {user.otherAccounts > 0 ? (
                          <li className="text-slate-500">
                            {t('otherAccounts', { count: user.otherAccounts })}
                          </li>
                        ) : null}
                      </ul>
                    )}
                  </td>
                  <td className="px-4 py-3 text-slate-700">
                    {user.hostRole ? t(`hostRole.${user.hostRole}`) : t('individual')}
                  </td>
                  <InvitationCell
                    status={user.status}
                    expiresAt={user.invitationExpiresAt}
                    expired={user.invitationExpired}
                  />
                  <td className="px-4 py-3">
                    {user.manageable ? <EditUserDialog user={user} actions={actions} /> : null}
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
