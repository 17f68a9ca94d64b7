import 'server-only';
import { and, asc, desc, eq, exists, inArray, like, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, users } from '@/db/schema';
import {
  accountRoles,
  hostRoles,
  seesUsersOf,
  type AccountRole,
  type HostRole,
} from '@/lib/auth/permissions';
import {
  defaultPageSize,
  beyondPosition,
  keysetPage,
  readsBackwards,
  shownTotal,
  type KeysetPage,
  type PagePosition,
} from '@/lib/database/keyset-page';
import type { SessionUser } from '@/lib/auth/read-session';
import { openInvitationExpiries } from '@/lib/invitations/open-invitation-expiries';
import { mayGrant } from '@/lib/auth/may-grant';
import { accountScopeColumns } from '@/lib/auth/account-scope-columns';
import type { TwoFactorMethod, UserStatus } from '@/db/schema';
import { twoFactorMethodsOf } from '@/lib/two-factor/methods-of-users';
import { containsPattern } from '@/lib/database/contains-pattern';
import { membershipIn, reachedMemberships, visibleTo } from './user-visibility-sql';

export interface UserRow {
  id: string;
  email: string;
  status: UserStatus;
  hostRole: HostRole | null;
  /** The accounts the viewer may see this user in, with the user's role there. */
  accounts: {
    id: string;
    name: string;
    role: AccountRole;
    /** The roles the viewer may give this user there (Edit offers these). */
    grantable: AccountRole[];
  }[];
  /** How many more accounts the user belongs to that the viewer cannot reach (unmanaged). */
  otherAccounts: number;
  /** The open invitation link's expiry, for pending users. */
  invitationExpiresAt: Date | null;
  /** Whether that link has expired (decided here, so every view agrees). */
  invitationExpired: boolean;
  /** Whether the viewer may edit, deactivate, revoke and make links for this user. */
  manageable: boolean;
  isViewer: boolean;
  /** The two-factor methods the user has set up (none listed: signs in with the password). */
  twoFactor: TwoFactorMethod[];
}

export type UserRoleFilter = `host.${HostRole}` | `account.${AccountRole}`;
export const userRoleFilters: readonly UserRoleFilter[] = [
  ...hostRoles.map((role) => `host.${role}` as const),
  ...accountRoles.map((role) => `account.${role}` as const),
];

/** What the host Users page asks for: filters, and a position in the list ordered by email. */
export interface UserListQuery {
  viewer: SessionUser;
  /** Part of the address, any case; empty for all. */
  search?: string;
  /** Only the users of this account (the page's account filter). */
  accountId?: string;
  status?: UserStatus | null;
  /** A host role, or an account role held in an account the viewer reaches. */
  role?: UserRoleFilter | null;
  /** The page after this email, or the page before it. */
  position?: PagePosition;
  size?: number;
}

/**
 * Counting visible users asks, for each, whether they hold a role the viewer reaches: cheap for a
 * page, but 10,000 of them cost as much as the rest of the page ten times over. Beyond 1,000 the
 * page says "more than 1,000"; a search or a filter narrows it to an exact count.
 */
const userTotalLimit = 1_000;

export interface UserPage extends KeysetPage<UserRow> {
  /** How many users match, counted up to `userTotalLimit`. */
  total: number;
  totalIsAtLeast: boolean;
}

/**
 * The two statements behind a page of users: its rows (one more than the page, to know whether
 * another follows) and the total up to `userTotalLimit`. Apart so a test can EXPLAIN exactly these.
 */
export function userPageQueries(db: Database, query: UserListQuery) {
  const { viewer } = query;
  const size = query.size ?? defaultPageSize;
  const position = query.position ?? null;
  const search = query.search?.trim();
  const [roleScope, role] = (query.role?.split('.') ?? []) as ['host' | 'account', AccountRole];
  const where = and(
    visibleTo(db, viewer),
    search ? like(users.email, containsPattern(search)) : undefined,
    query.status ? eq(users.status, query.status) : undefined,
    roleScope === 'host' ? eq(users.hostRole, role) : undefined,
    roleScope === 'account'
      ? exists(reachedMemberships(db, viewer, eq(accountMemberships.role, role), query.accountId))
      : undefined,
    query.accountId ? exists(membershipIn(db, query.accountId)) : undefined,
  );
  const from = beyondPosition(users.email, position);
  return {
    page: db
      .select({ id: users.id, email: users.email, status: users.status, hostRole: users.hostRole })
      .from(users)
      .where(and(where, from))
      .orderBy(readsBackwards(position) ? desc(users.email) : asc(users.email))
      .limit(size + 1),
    total: db.select({ total: sql<number>`count(*)::int` }).from(
      db
        .select({ one: sql`1` })
        .from(users)
        .where(where)
        .limit(userTotalLimit + 1)
        .as('m'),
    ),
  };
}

/**
 * One page of the host Users page: every host user, and every individual user of an account
 * the viewer's host role reaches (managed, or delegated user management). Users who belong only
 * to unmanaged accounts are theirs alone and are not listed. Ordered by email, paged by position
 * (never OFFSET), so the last page costs what the first does.
 */
export async function listUsers(db: Database, query: UserListQuery): Promise<UserPage> {
  const { viewer } = query;
  const queries = userPageQueries(db, query);
  const [found, [counted]] = await Promise.all([queries.page, queries.total]);
  const page = keysetPage(
    found,
    query.size ?? defaultPageSize,
    query.position ?? null,
    (user) => user.email,
  );
  const ids = page.rows.map((user) => user.id);
  if (ids.length === 0)
    return { ...page, rows: [], ...shownTotal(counted?.total ?? 0, userTotalLimit) };

  const memberships = await db
    .select({
      userId: accountMemberships.userId,
      role: accountMemberships.role,
      ...accountScopeColumns,
    })
    .from(accountMemberships)
    .innerJoin(accounts, eq(accounts.id, accountMemberships.accountId))
    .where(inArray(accountMemberships.userId, ids))
    .orderBy(asc(accounts.name));
  const [expiryByUser, methodsByUser] = await Promise.all([
    openInvitationExpiries(db, ids),
    twoFactorMethodsOf(db, ids),
  ]);
  const membershipsByUser = new Map<string, typeof memberships>();
  for (const membership of memberships) {
    const list = membershipsByUser.get(membership.userId) ?? [];
    list.push(membership);
    membershipsByUser.set(membership.userId, list);
  }

  const now = Date.now();
  const rows: UserRow[] = [];
  for (const user of page.rows) {
    const held = membershipsByUser.get(user.id) ?? [];
    const visible = held.filter((membership) => seesUsersOf(viewer, membership));
    const manageable = mayGrant(
      viewer,
      user.hostRole
        ? { type: 'host', role: user.hostRole }
        : {
            type: 'individual',
            accounts: held.map(({ role, ...account }) => ({ account, role })),
          },
    );
    const expiresAt = user.status === 'pending' ? (expiryByUser.get(user.id) ?? null) : null;
    rows.push({
      id: user.id,
      email: user.email,
      status: user.status,
      hostRole: user.hostRole,
      accounts: visible.map(({ role, userId: _userId, ...account }) => ({
        id: account.id,
        name: account.name,
        role,
        grantable: accountRoles.filter((given) =>
          mayGrant(viewer, { type: 'individual', accounts: [{ account, role: given }] }),
        ),
      })),
      otherAccounts: held.length - visible.length,
      invitationExpiresAt: expiresAt,
      invitationExpired: expiresAt !== null && expiresAt.getTime() <= now,
      manageable: manageable && user.id !== viewer.id,
      isViewer: user.id === viewer.id,
      twoFactor: methodsByUser.get(user.id) ?? [],
    });
  }
  return { ...page, rows, ...shownTotal(counted?.total ?? 0, userTotalLimit) };
}
