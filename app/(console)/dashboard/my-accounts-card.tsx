import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ArrowRightIcon, BuildingIcon } from '@/components/ui/icons';
import type { MyAccount } from '@/lib/accounts/list-my-accounts';

/** The dashboard's list of the viewer's own accounts, the last opened first. */
export async function MyAccountsCard(props: {
  accounts: MyAccount[];
  lastAccountId: string | null;
}) {
  const t = await getTranslations('dashboard.myAccounts');
  const tRole = await getTranslations('users.roles');
  const ordered = [...props.accounts].sort(
    (a, b) => Number(b.id === props.lastAccountId) - Number(a.id === props.lastAccountId),
  );
  return (
    <Card className="flex flex-col p-6">
      <div className="flex items-start gap-4">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-indigo-50 text-indigo-600">
          <BuildingIcon />
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="text-base font-semibold text-slate-900">{t('title')}</h2>
          <p className="mt-2 text-sm/6 text-pretty text-slate-600">{t('description')}</p>
        </div>
      </div>
      <ul className="mt-4 divide-y divide-slate-200 border-t border-slate-200">
        {ordered.map((account) => (
          <li key={account.id}>
            <Link
              href={`/accounts/${account.id}`}
              className="group flex items-center justify-between gap-3 py-3 text-sm"
            >
              <span className="min-w-0">
                <span className="block truncate font-medium text-slate-900 group-hover:text-indigo-700">
                  {account.name}
                </span>
                <span className="text-slate-600">{t('role', { role: tRole(account.role) })}</span>
              </span>
              <span className="flex shrink-0 items-center gap-2">
                {account.id === props.lastAccountId ? (
                  <Badge tone="neutral">{t('lastOpened')}</Badge>
                ) : null}
                <ArrowRightIcon className="size-4 text-slate-500 group-hover:text-indigo-600" />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
