import Link from 'next/link';
import { GateIcon } from '@/components/ui/icons';
import { AccountPicker, type PickerAccount } from './account-picker';
import { UserMenu, type UserMenuProps } from './user-menu';

export type HeaderProps = UserMenuProps & {
  /** The host's name (host settings), shown as the console's title. */
  hostName: string;
  /** The accounts the user has a role in: with any, the header offers the account picker. */
  myAccounts?: { accounts: PickerAccount[]; lastAccountId: string | null; total: number };
};

/**
 * The bar across the top: the host's name and, for users with account roles, the account
 * picker on the left; the user menu on the right.
 */
export function Header({ hostName, myAccounts, ...userMenu }: HeaderProps) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur supports-backdrop-filter:bg-white/80">
      <div className="flex h-16 items-center justify-between gap-4 px-4 md:px-6">
        <Link href="/dashboard" className="flex min-w-0 items-center gap-3 rounded-lg">
          <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-indigo-600 text-white shadow-xs">
            <GateIcon className="size-5" />
          </span>
          <span className="truncate text-base font-semibold tracking-tight text-slate-900">
            {hostName}
          </span>
        </Link>
        {myAccounts && myAccounts.accounts.length > 0 ? (
          <div className="mr-auto min-w-0">
            <AccountPicker {...myAccounts} />
          </div>
        ) : null}
        <UserMenu {...userMenu} />
      </div>
    </header>
  );
}
