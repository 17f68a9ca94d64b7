import { getTranslations } from 'next-intl/server';
import { mayOnHost, type Actor } from '@/lib/auth/permissions';
import { NavLink } from './nav-link';
import { navItems } from './nav-items';

/** The console's main navigation: a column on wide screens, a block under the header on phones. */
export async function Sidebar({ user }: { user: Actor }) {
  const t = await getTranslations('shell');
  return (
    <nav
      aria-label={t('mainNavigation')}
      className="border-b border-slate-200 bg-white md:sticky md:top-16 md:h-[calc(100dvh-4rem)] md:w-60 md:shrink-0 md:overflow-y-auto md:border-r md:border-b-0"
    >
      <ul className="grid grid-cols-2 gap-1 p-3 sm:flex sm:flex-wrap md:flex-col md:flex-nowrap md:py-5">
        {navItems
          .filter((item) => !item.permission || mayOnHost(user, item.permission))
          .map(({ href, labelKey, Icon }) => (
            <li key={href}>
              <NavLink href={href}>
                <Icon className="size-5 shrink-0" />
                {t(`nav.${labelKey}`)}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
