import type { ComponentType } from 'react';
import type { HostPermission } from '@/lib/auth/permissions';
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
  /** The host permission the section needs; the sidebar leaves it out for others. */
  permission?: HostPermission;
};

// The console's sections, in sidebar order. Hiding is a courtesy: every page checks the
// permission on the server itself.
export const navItems: readonly NavItem[] = [
  { href: '/dashboard', labelKey: 'dashboard', Icon: DashboardIcon },
  { href: '/accounts', labelKey: 'accounts', Icon: BuildingIcon },
  { href: '/users', labelKey: 'users', Icon: UsersIcon, permission: 'host.users.manage' },
  { href: '/settings', labelKey: 'settings', Icon: SlidersIcon, permission: 'host.settings' },
];
