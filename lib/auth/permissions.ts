import type { AccountStatus } from '@/db/schema';

// The one permission table of PRODUCT.md ("Who may do what"). Pages and server actions ask
// `may*` here; nothing else decides who may do what.

export const hostRoles = ['admin', 'standard', 'view'] as const;
export type HostRole = (typeof hostRoles)[number];

export const accountRoles = ['admin', 'standard', 'view'] as const;
export type AccountRole = (typeof accountRoles)[number];

/** Actions on the instance as a whole, granted by the host role alone. */
export const hostPermissions = {
  /**
   * Host settings (SMTP, host name, invitation lifetime, security), the SMTP switch, the delivery
   * log, the audit log.
   */
  'host.settings': ['admin'],
  /** Invite, edit and revoke host users; make their invite and reset links. */
  'host.users.manage': ['admin'],
  /** Create accounts; rename, deactivate, activate and delete them. */
  'accounts.manage': ['admin', 'standard'],
  /** See the list of accounts. */
  'accounts.list': ['admin', 'standard', 'view'],
} as const satisfies Record<string, readonly HostRole[]>;
export type HostPermission = keyof typeof hostPermissions;

/**
 * Actions inside one account: granted by a role in that account, or by the host role when the
 * account is managed (or, for its users, has delegated user management to the host).
 */
export const accountPermissions = {
  'account.view': {
    accountRoles: ['admin', 'standard', 'view'],
    hostRoles: ['admin', 'standard', 'view'],
    hostReach: 'managed',
  },
  'account.settings': {
    accountRoles: ['admin'],
    hostRoles: ['admin', 'standard'],
    hostReach: 'managed',
  },
  'account.users.manage': {
    accountRoles: ['admin'],
    hostRoles: ['admin'],
    hostReach: 'managed-or-delegated',
  },
  /** The account's Activity: its part of the audit log (the host's admins see all of it). */
  'account.activity': {
    accountRoles: ['admin'],
    hostRoles: ['admin'],
    hostReach: 'managed',
  },
  /** Delegating user management to the host is the account's own admins' choice alone. */
  'account.delegate': {
    accountRoles: ['admin'],
    hostRoles: [],
    hostReach: 'managed',
  },
} as const satisfies Record<
  string,
  {
    accountRoles: readonly AccountRole[];
    hostRoles: readonly HostRole[];
    hostReach: HostReach;
  }
>;
export type AccountPermission = keyof typeof accountPermissions;

/** Which accounts a host role reaches: managed ones, or also those that delegated user management. */
export type HostReach = 'managed' | 'managed-or-delegated';

/** How far the host reaches into an account's users: see, link and manage them. */
export const usersReach: HostReach = accountPermissions['account.users.manage'].hostReach;

/** Whether a host role reaches into `account` for a rule of this `reach`. */
export function hostReaches(
  account: Pick<AccountScope, 'managed' | 'delegatedUserManagement'>,
  reach: HostReach,
): boolean {
  return account.managed || (reach === 'managed-or-delegated' && account.delegatedUserManagement);
}

/**
 * Whether `viewer` sees that a user belongs to `account` (the Users page): their own account,
 * or one whose users the host reaches. Other memberships are the account's own business.
 */
export function seesUsersOf(
  viewer: Actor,
  account: Pick<AccountScope, 'id' | 'managed' | 'delegatedUserManagement'>,
): boolean {
  return viewer.accountRoles.has(account.id) || hostReaches(account, usersReach);
}

export interface Actor {
  hostRole: HostRole | null;
  /** The actor's role in each account they belong to, by account id. */
  accountRoles: ReadonlyMap<string, AccountRole>;
}

export interface AccountScope {
  id: string;
  managed: boolean;
  delegatedUserManagement: boolean;
  status: AccountStatus;
}

export function mayOnHost(actor: Actor, permission: HostPermission): boolean {
  const allowed: readonly HostRole[] = hostPermissions[permission];
  return actor.hostRole !== null && allowed.includes(actor.hostRole);
}

export function mayInAccount(
  actor: Actor,
  permission: AccountPermission,
  account: AccountScope,
): boolean {
  // A deactivated account cannot be opened by anyone; host users reactivate it from the list.
  if (account.status === 'deactivated') return false;
  const rule = accountPermissions[permission];
  const accountRole = actor.accountRoles.get(account.id);
  if (accountRole && (rule.accountRoles as readonly AccountRole[]).includes(accountRole)) {
    return true;
  }
  return (
    hostReaches(account, rule.hostReach) &&
    actor.hostRole !== null &&
    (rule.hostRoles as readonly HostRole[]).includes(actor.hostRole)
  );
}
