'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { BuildingIcon, ChevronDownIcon } from '@/components/ui/icons';
import { useDismissableDetails } from './use-dismissable-details';
import type { AccountRole } from '@/lib/auth/permissions';
import { displayNameMaxLength } from '@/lib/field-limits';

export interface PickerAccount {
  id: string;
  name: string;
  role: AccountRole;
}

/** The account in the address bar (`/accounts/<id>/…`), if any. */
function accountInPath(pathname: string): string | null {
  return /^\/accounts\/([0-9a-f-]{36})(?:\/|$)/.exec(pathname)?.[1] ?? null;
}

/**
 * The header's account picker, for users with a role in one or more accounts: shows the
 * account open now (or the one opened last) and lists the others to switch to.
 */
export function AccountPicker(props: {
  accounts: PickerAccount[];
  lastAccountId: string | null;
  /** All the user's accounts; when more than listed, the menu offers a search. */
  total: number;
}) {
  const t = useTranslations('shell.accountPicker');
  const tRole = useTranslations('users.roles');
  const menu = useRef<HTMLDetailsElement>(null);
  useDismissableDetails(menu);
  const pathname = usePathname();
  const currentId = accountInPath(pathname) ?? props.lastAccountId;
  const current = props.accounts.find((account) => account.id === currentId) ?? null;

  return (
    <details ref={menu} className="group relative min-w-0">
      <summary className="flex max-w-64 cursor-pointer list-none items-center gap-2 rounded-lg border border-slate-200 px-2.5 py-1.5 text-sm font-medium text-slate-700 select-none hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <BuildingIcon className="size-4 shrink-0 text-slate-500" />
        <span className="sr-only">{t('label')}: </span>
        <span className="truncate">{current ? current.name : t('choose')}</span>
        <ChevronDownIcon className="size-4 shrink-0 text-slate-500 transition-transform group-open:rotate-180" />
      </summary>
      <div className="absolute left-0 z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg ring-1 ring-slate-900/5">
        <p className="px-2.5 pt-1.5 pb-1 text-xs text-slate-600">{t('heading')}</p>
        <ul>
          {props.accounts.map((account) => (
            <li key={account.id}>
              <Link
                href={`/accounts/${account.id}`}
                aria-current={account.id === current?.id ? 'page' : undefined}
                onClick={() => menu.current?.removeAttribute('open')}
                className="flex items-baseline justify-between gap-3 rounded-lg px-2.5 py-2 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-900"
              >
                <span className="truncate font-medium">{account.name}</span>
                <span className="shrink-0 text-xs text-slate-500">{tRole(account.role)}</span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-1 border-t border-slate-200 pt-1">
          {props.total > props.accounts.length ? (
            // Hundreds of accounts do not fit a menu: the Accounts page finds the one wanted.
            <form role="search" method="get" action="/accounts" className="flex gap-1.5 p-1.5">
              <label htmlFor="account-picker-find" className="sr-only">
                {t('find')}
              </label>
              <input
                id="account-picker-find"
                name="q"
                type="search"
                placeholder={t('findPlaceholder')}
                maxLength={displayNameMaxLength}
                className="min-w-0 flex-1 rounded-lg border border-slate-300 px-2.5 py-1.5 text-sm focus:outline-2 focus:outline-indigo-600"
              />
              <button
                type="submit"
                className="rounded-lg px-2.5 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-slate-200 hover:bg-slate-50"
              >
                {t('findSubmit')}
              </button>
            </form>
          ) : null}
          <Link
            href="/accounts"
            onClick={() => menu.current?.removeAttribute('open')}
            className="block rounded-lg px-2.5 py-2 text-sm text-slate-700 hover:bg-slate-100"
          >
            {props.total > props.accounts.length ? t('allCount', { count: props.total }) : t('all')}
          </Link>
        </div>
      </div>
    </details>
  );
}
