import type { ComponentType } from 'react';
import {
  BuildingIcon,
  DashboardIcon,
  SlidersIcon,
  UsersIcon,
  type IconProps,
} from '@/components/ui/icons';

export type NavItem = {
  href: string;
  /** Key of the label under `shell.nav` in the message catalogs. */
  labelKey: 'dashboard' | 'accounts' | 'users' | 'settings';
  Icon: ComponentType<IconProps>;
};

// The console's sections, in sidebar order. When roles arrive, each item gains the permission
// it needs and the sidebar leaves out what the user may not open.
export const navItems: readonly NavItem[] = [
  { href: '/dashboard', labelKey: 'dashboard', Icon: DashboardIcon },
  { href: '/accounts', labelKey: 'accounts', Icon: BuildingIcon },
  { href: '/users', labelKey: 'users', Icon: UsersIcon },
  { href: '/settings', labelKey: 'settings', Icon: SlidersIcon },
];
