import 'server-only';
import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, accounts, users } from '@/db/schema';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import { openInvitationExpiries } from '@/lib/invitations/open-invitation-expiries';
import { mayGrant, type InvitationGrant } from '@/lib/auth/may-grant';
import { accountScopeColumns } from '@/lib/auth/account-scope-columns';
import type { AccountInScope } from '@/lib/auth/load-account-scope';
import type { TwoFactorMethod, UserStatus } from '@/db/schema';
import { twoFactorMethodsOf } from '@/lib/two-factor/methods-of-users';
import { containsPattern } from '@/lib/database/contains-pattern';
import {
  defaultPageSize,
  beyondPosition,
  keysetPage,
  readsBackwards,
  shownTotal,
  type KeysetPage,
  type PagePosition,
} from '@/lib/database/keyset-page';

export interface AccountUserRow {
  id: string;
  email: string;
  status: UserStatus;
  role: AccountRole;
  /** Set for host users who also hold a role here: their links are a host admin's matter. */
  hostRole: HostRole | null;
  invitationExpiresAt: Date | null;
  invitationExpired: boolean;
  isViewer: boolean;
  /** The viewer may change this user's role here or remove them from the account. */
  manageable: boolean;
  /**
   * The viewer may make this user's invite and reset links: such a link opens every account
   * the user has, so it takes managing users in all of them (lib/auth/may-grant.ts).
   */
  linksAllowed: boolean;
  /** The two-factor methods the user has set up (none listed: signs in with the password). */
  twoFactor: TwoFactorMethod[];
}

/** What an account's Users page asks for: filters, and a position in the list by email. */
export interface AccountUserListQuery {
  viewer: SessionUser;
  account: AccountInScope;
  /** Part of the address, any case; empty for all. */
  search?: string;
  status?: UserStatus | null;
  /** The role in this account. */
  role?: AccountRole | null;
  position?: PagePosition;
  size?: number;
}

/**
 * Each counted member costs a join to their user: 1,000 of them are cheap, 10,000 would cost as
 * much as the rest of the page. Beyond it the page says "more than 1,000", as the host's does.
 */
const accountUserTotalLimit = 1_000;

export interface AccountUserPage extends KeysetPage<AccountUserRow> {
  total: number;
  totalIsAtLeast: boolean;
}

/**
 * The two statements behind a page of an account's users: its rows (one more than the page) and
 * the total up to `accountUserTotalLimit`. Apart so a test can EXPLAIN exactly these.
 */
export function accountUserPageQueries(db: Database, query: AccountUserListQuery) {
  const size = query.size ?? defaultPageSize;
  const position = query.position ?? null;
  const search = query.search?.trim();
  const where = and(
    eq(accountMemberships.accountId, query.account.id),
    search ? like(users.email, containsPattern(search)) : undefined,
    query.status ? eq(users.status, query.status) : undefined,
    query.role ? eq(accountMemberships.role, query.role) : undefined,
  );
  const from = beyondPosition(users.email, position);
  return {
    page: db
      .select({
        id: users.id,
        email: users.email,
        status: users.status,
        hostRole: users.hostRole,
        role: accountMemberships.role,
      })
      .from(accountMemberships)
      .innerJoin(users, eq(users.id, accountMemberships.userId))
      .where(and(where, from))
      .orderBy(readsBackwards(position) ? desc(users.email) : asc(users.email))
      .limit(size + 1),
    total: db.select({ total: sql<number>`count(*)::int` }).from(
      db
        .select({ one: sql`1` })
        .from(accountMemberships)
        .innerJoin(users, eq(users.id, accountMemberships.userId))
        .where(where)
        .limit(accountUserTotalLimit + 1)
        .as('m'),
    ),
  };
}

/**
 * One page of an account's Users page: everyone with a role in it, ordered by email, paged by
 * position (never OFFSET).
 */
export async function listAccountUsers(
  db: Database,
  query: AccountUserListQuery,
): Promise<AccountUserPage> {
  const { viewer, account } = query;
  const queries = accountUserPageQueries(db, query);
  const [found, [counted]] = await Promise.all([queries.page, queries.total]);
  const page = keysetPage(
    found,
    query.size ?? defaultPageSize,
    query.position ?? null,
    (member) => member.email,
  );
  const members = page.rows;
  const shown = shownTotal(counted?.total ?? 0, accountUserTotalLimit);
  if (members.length === 0) return { ...page, rows: [], ...shown };
  const ids = members.map((member) => member.id);
  const [expiryByUser, methodsByUser] = await Promise.all([
    openInvitationExpiries(db, ids),
    twoFactorMethodsOf(db, ids),
  ]);
  // Every account of these users, to tell whose links the viewer may make.
  const allMemberships = await db
    .select({
      userId: accountMemberships.userId,
      role: accountMemberships.role,
      ...accountScopeColumns,
    })
    .from(accountMemberships)
    .innerJoin(accounts, eq(accounts.id, accountMemberships.accountId))
    .where(inArray(accountMemberships.userId, ids));
  const now = Date.now();
  const rows = members.map((member): AccountUserRow => {
    const isViewer = member.id === viewer.id;
    const manageable =
      !isViewer &&
      mayGrant(viewer, { type: 'individual', accounts: [{ account, role: member.role }] });
    const grant: InvitationGrant = member.hostRole
      ? { type: 'host', role: member.hostRole }
      : {
          type: 'individual',
          accounts: allMemberships
            .filter((membership) => membership.userId === member.id)
            .map(({ userId: _userId, role, ...scope }) => ({ account: scope, role })),
        };
    const expiresAt = member.status === 'pending' ? (expiryByUser.get(member.id) ?? null) : null;
    return {
      ...member,
      invitationExpiresAt: expiresAt,
      invitationExpired: expiresAt !== null && expiresAt.getTime() <= now,
      isViewer,
      manageable,
      linksAllowed: manageable && mayGrant(viewer, grant),
      twoFactor: methodsByUser.get(member.id) ?? [],
    };
  });
  return { ...page, rows, ...shown };
}
