import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ArrowRightIcon, BuildingIcon } from '@/components/ui/icons';
import type { MyAccount } from '@/lib/accounts/list-my-accounts';
import { Button } from '@/components/ui/button';
import { filterFieldClass } from '@/components/ui/filter-select';
import { displayNameMaxLength } from '@/lib/field-limits';

/**
 * The dashboard's list of the viewer's own accounts, the last opened first; for a user in more
 * than it lists, a search that opens the Accounts page.
 */
export async function MyAccountsCard(props: {
  accounts: MyAccount[];
  lastAccountId: string | null;
  total: number;
}) {
  const t = await getTranslations('dashboard.myAccounts');
  const tRole = await getTranslations('users.roles');
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
        {props.accounts.map((account) => (
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
      {props.total > props.accounts.length ? (
        <div className="border-t border-slate-200 pt-4">
          <form role="search" method="get" action="/accounts" className="flex gap-2">
            <label htmlFor="my-accounts-find" className="sr-only">
              {t('find')}
            </label>
            <input
              id="my-accounts-find"
              name="q"
              type="search"
              placeholder={t('findPlaceholder')}
              maxLength={displayNameMaxLength}
              className={`min-w-0 flex-1 ${filterFieldClass}`}
            />
            <Button type="submit" variant="secondary">
              {t('findSubmit')}
            </Button>
          </form>
          <Link
            href="/accounts"
            className="mt-3 inline-block text-sm font-medium text-indigo-700 underline"
          >
            {t('allCount', { count: props.total })}
          </Link>
        </div>
      ) : null}
    </Card>
  );
}
