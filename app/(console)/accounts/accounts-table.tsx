import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import type { AccountRow } from '@/lib/accounts/list-accounts';
import { ManageAccountDialog, type ManageableAccount } from './manage-account-dialog';

const statusTones = { active: 'success', setup: 'warning', deactivated: 'neutral' } as const;

/**
 * The Accounts table: name (with the viewer's own role), status, managed or not, users, and
 * See details where the viewer may open the account, Manage where they may change it.
 */
export async function AccountsTable(props: {
  rows: (AccountRow & Pick<ManageableAccount, 'pendingAdminEmail'>)[];
  smtpEnabled: boolean;
  hostAdmin: boolean;
}) {
  const t = await getTranslations('accounts');
  const format = await getFormatter();
  const columns = ['name', 'status', 'managed', 'users', 'actions'] as const;

  return (
    <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t('title')}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            {columns.map((column) => (
              <th
                key={column}
                scope="col"
                className={
                  column === 'users' ? 'px-4 py-2 text-right font-medium' : 'px-4 py-2 font-medium'
                }
              >
                {column === 'actions' ? (
                  <span className="sr-only">{t('column.actions')}</span>
                ) : (
                  t(`column.${column}`)
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {props.rows.map((account) => {
            const nameId = `account-${account.id}`;
            return (
              <tr key={account.id}>
                <th scope="row" className="px-4 py-3 text-left align-top font-normal">
                  <span id={nameId} className="block font-medium break-words text-slate-900">
                    {account.name}
                  </span>
                  {account.yourRole ? (
                    <span className="block text-xs text-slate-500">
                      {t('yourRole', { role: t(`roles.${account.yourRole}`) })}
                    </span>
                  ) : null}
                </th>
                <td className="px-4 py-3 align-top">
                  <Badge tone={statusTones[account.status]}>{t(`status.${account.status}`)}</Badge>
                </td>
                <td className="px-4 py-3 align-top">
                  <span className="block text-slate-900">
                    {account.managed ? t('managed.managed') : t('managed.unmanaged')}
                  </span>
                  <span className="block text-xs text-slate-500">
                    {account.managed ? t('managed.managedHint') : t('managed.unmanagedHint')}
                  </span>
                </td>
                <td className="px-4 py-3 text-right align-top text-slate-700 tabular-nums">
                  {format.number(account.userCount)}
                </td>
                <td className="px-4 py-3 align-top">
                  <div className="flex flex-wrap items-center justify-end gap-2">
                    {account.canOpen ? (
                      <ButtonLink
                        href={`/accounts/${account.id}`}
                        variant="secondary"
                        aria-describedby={nameId}
                      >
                        {t('open')}
                      </ButtonLink>
                    ) : (
                      <span className="text-xs text-slate-500">
                        {account.status === 'deactivated'
                          ? t('closed.deactivated')
                          : t('closed.unmanaged')}
                      </span>
                    )}
                    {account.canManage ? (
                      <ManageAccountDialog
                        account={{
                          id: account.id,
                          name: account.name,
                          status: account.status,
                          managed: account.managed,
                          userCount: account.userCount,
                          pendingAdminEmail: account.pendingAdminEmail,
                        }}
                        smtpEnabled={props.smtpEnabled}
                        hostAdmin={props.hostAdmin}
                      />
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
