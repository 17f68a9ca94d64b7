import 'server-only';
import {
  and,
  asc,
  eq,
  exists,
  ilike,
  inArray,
  isNotNull,
  notExists,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, users } from '@/db/schema';
import { seesUsersOf, usersReach, type AccountRole, type HostRole } from '@/lib/auth/permissions';
import { hostReachesSql } from '@/lib/auth/host-reach-sql';
import type { SessionUser } from '@/lib/auth/read-session';
import { openInvitationExpiries } from '@/lib/invitations/open-invitation-expiries';
import { mayGrant } from '@/lib/auth/may-grant';
import { accountScopeColumns } from '@/lib/auth/account-scope-columns';
import type { UserStatus } from '@/db/schema';
import { containsPattern } from '@/lib/database/contains-pattern';

export interface UserRow {
  id: string;
  email: string;
  status: UserStatus;
  hostRole: HostRole | null;
  /** The accounts the viewer may see this user in, with the user's role there. */
  accounts: { id: string; name: string; role: AccountRole }[];
  /** How many more accounts the user belongs to that the viewer cannot reach (unmanaged). */
  otherAccounts: number;
  /** The open invitation link's expiry, for pending users. */
  invitationExpiresAt: Date | null;
  /** Whether that link has expired (decided here, so every view agrees). */
  invitationExpired: boolean;
  /** Whether the viewer may edit, deactivate, revoke and make links for this user. */
  manageable: boolean;
  isViewer: boolean;
}

/**
 * Who the viewer may see, in SQL so that the limit counts only them: host users, users with no
 * account, and users of at least one account the viewer reaches (permissions.ts `seesUsersOf`:
 * their own, or one whose users the host reaches). Users who belong only to unmanaged accounts
 * are theirs alone.
 */
function visibleTo(db: Database, viewer: SessionUser) {
  const ownAccounts = [...viewer.accountRoles.keys()];
  const held = (reached?: SQL) =>
    db
      .select({ one: sql`1` })
      .from(accountMemberships)
      .innerJoin(accounts, eq(accounts.id, accountMemberships.accountId))
      .where(and(eq(accountMemberships.userId, users.id), reached));
  return or(
    isNotNull(users.hostRole),
    notExists(held()),
    exists(
      held(
        or(
          hostReachesSql(usersReach),
          ownAccounts.length > 0 ? inArray(accounts.id, ownAccounts) : undefined,
        ),
      ),
    ),
  );
}

/**
 * The host Users page: every host user, and every individual user of an account the viewer's
 * host role reaches (managed, or delegated user management). Users who belong only to
 * unmanaged accounts are theirs alone and are not listed. Ordered by email.
 */
export async function listUsers(
  db: Database,
  options: {
    viewer: SessionUser;
    search?: string;
    /** Only the users of this account (the page's account picker). */
    accountId?: string;
    limit?: number;
  },
): Promise<{ rows: UserRow[]; truncated: boolean }> {
  const { viewer } = options;
  const limit = options.limit ?? 500;
  const search = options.search?.trim().toLowerCase();
  const found = await db
    .select({ id: users.id, email: users.email, status: users.status, hostRole: users.hostRole })
    .from(users)
    .where(
      and(
        visibleTo(db, viewer),
        search ? ilike(users.email, containsPattern(search)) : undefined,
        options.accountId
          ? inArray(
              users.id,
              db
                .select({ id: accountMemberships.userId })
                .from(accountMemberships)
                .where(eq(accountMemberships.accountId, options.accountId)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(users.email))
    .limit(limit + 1);
  const truncated = found.length > limit;
  const ids = found.slice(0, limit).map((user) => user.id);
  if (ids.length === 0) return { rows: [], truncated: false };

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
  const expiryByUser = await openInvitationExpiries(db, ids);
  const membershipsByUser = new Map<string, typeof memberships>();
  for (const membership of memberships) {
    const list = membershipsByUser.get(membership.userId) ?? [];
    list.push(membership);
    membershipsByUser.set(membership.userId, list);
  }

  const now = Date.now();
  const rows: UserRow[] = [];
  for (const user of found.slice(0, limit)) {
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
      accounts: visible.map(({ id, name, role }) => ({ id, name, role })),
      otherAccounts: held.length - visible.length,
      invitationExpiresAt: expiresAt,
      invitationExpired: expiresAt !== null && expiresAt.getTime() <= now,
      manageable: manageable && user.id !== viewer.id,
      isViewer: user.id === viewer.id,
    });
  }
  return { rows, truncated };
}
