'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { ChevronDownIcon, SignOutIcon, UserIcon } from '@/components/ui/icons';
import type { FormAction } from '@/lib/actions/action-result';
import { LanguageSwitch } from './language-switch';
import type { ShellUser } from './shell-user';
import { useDismissableDetails } from './use-dismissable-details';
import { UserAvatar } from './user-avatar';

export type UserMenuProps = {
  /** The signed-in user. */
  user: ShellUser;
  changeLanguageAction: FormAction;
  /** Shown as "Sign out" and "Sign out everywhere" buttons when given. */
  signOutActions?: { signOut: () => Promise<void>; signOutEverywhere: () => Promise<void> };
};

const menuButtonClass =
  'flex w-full items-center gap-2 rounded-lg px-2.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900';

/** The menu at the right of the header: who is signed in, the language switch and sign-out. */
export function UserMenu({ user, changeLanguageAction, signOutActions }: UserMenuProps) {
  const t = useTranslations('userMenu');
  const menu = useRef<HTMLDetailsElement>(null);

  useDismissableDetails(menu);

  const shownName = user.name?.trim() || user.email;

  return (
    <details ref={menu} className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-full p-1 transition-colors select-none hover:bg-slate-100 sm:pr-2.5 [&::-webkit-details-marker]:hidden">
        <UserAvatar user={user} />
        <span className="sr-only">{t('label')}</span>
        <span className="hidden max-w-48 truncate text-sm font-medium text-slate-700 sm:block">
          {shownName}
        </span>
        <ChevronDownIcon className="size-4 text-slate-500 transition-transform group-open:rotate-180" />
      </summary>

      <div className="absolute right-0 z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white shadow-lg ring-1 ring-slate-900/5">
        <div className="px-4 py-3">
          <p className="text-xs text-slate-600">{t('signedInAs')}</p>
          <p className="truncate text-sm font-medium text-slate-900">{shownName}</p>
          {user.name ? <p className="truncate text-sm text-slate-600">{user.email}</p> : null}
        </div>
        <div className="border-t border-slate-200 px-4 py-3">
          <LanguageSwitch action={changeLanguageAction} />
        </div>
        {signOutActions ? (
          <div className="border-t border-slate-200 p-1.5">
            {/* The menu stays open across client navigation: close it on the way out. */}
            <Link
              href="/profile"
              className={menuButtonClass}
              onClick={() => menu.current?.removeAttribute('open')}
            >
              <UserIcon className="size-4 text-slate-500" />
              {t('profile')}
            </Link>
            <form action={signOutActions.signOut}>
              <button type="submit" className={menuButtonClass}>
                <SignOutIcon className="size-4 text-slate-500" />
                {t('signOut')}
              </button>
            </form>
            <form action={signOutActions.signOutEverywhere}>
              <button type="submit" className={menuButtonClass}>
                <SignOutIcon className="size-4 text-slate-500" />
                {t('signOutEverywhere')}
              </button>
            </form>
          </div>
        ) : null}
      </div>
    </details>
  );
}
