import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accounts } from '@/db/schema';
import { mayInAccount, mayOnHost, type AccountRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import { accountScopeColumns } from '@/lib/auth/account-scope-columns';
import { containsPattern } from '@/lib/database/contains-pattern';
import type { AccountStatus } from '@/db/schema';

export interface AccountRow {
  id: string;
  name: string;
  status: AccountStatus;
  managed: boolean;
  delegatedUserManagement: boolean;
  userCount: number;
  /** The viewer's own role in the account, if they have one. */
  yourRole: AccountRole | null;
  /** Whether "See details" opens it for the viewer. */
  canOpen: boolean;
  /** Rename, deactivate, activate, delete, complete setup (host admins and standard users). */
  canManage: boolean;
}

export const accountPageSizes = [25, 50, 100] as const;
export type AccountPageSize = (typeof accountPageSizes)[number];

/** What the Accounts page asks for: a filter, and a position in the list ordered by name. */
export interface AccountListQuery {
  /** Part of the name, any case; empty for all. */
  search: string;
  status: AccountStatus | null;
  managed: boolean | null;
  /** The page after this sort key (a lower-cased name), or the page before that one. */
  position: { after: string } | { before: string } | null;
  size: AccountPageSize;
}

export interface AccountPage {
  rows: AccountRow[];
  /** Where the next and previous pages start; null at either end. */
  next: { after: string } | null;
  previous: { before: string } | null;
  /** How many accounts match, counted up to `totalLimit`. */
  total: number;
  totalIsAtLeast: boolean;
}

/** Counting further would cost as much as listing: beyond it the page says "more than". */
const totalLimit = 10_000;

// Names are unique in lower case (accounts_name_unique), so that alone orders the list without
// ties and a position in it is one value: each page is one index range, however deep.
const sortKey = sql<string>`lower(${accounts.name})`;
const userCount = sql<number>`(select count(*)::int from account_memberships m where m.account_id = ${accounts.id})`;

function matching(viewer: SessionUser, query: AccountListQuery): SQL | undefined {
  const seesAll = mayOnHost(viewer, 'accounts.list');
  return and(
    seesAll ? undefined : inArray(accounts.id, [...viewer.accountRoles.keys()]),
    query.search ? sql`${sortKey} like ${containsPattern(query.search)}` : undefined,
    query.status ? eq(accounts.status, query.status) : undefined,
    query.managed === null ? undefined : eq(accounts.managed, query.managed),
  );
}

/**
 * The two statements behind a page: its rows (one more than the page, to know whether another
 * follows) and the total up to `totalLimit`. Apart so a test can EXPLAIN exactly these.
 */
export function accountPageQueries(db: Database, viewer: SessionUser, query: AccountListQuery) {
  const where = matching(viewer, query);
  const position = query.position;
  const backwards = position !== null && 'before' in position;
  const from =
    position === null
      ? undefined
      : 'after' in position
        ? sql`${sortKey} > ${position.after}`
        : sql`${sortKey} < ${position.before}`;
  return {
    page: db
      .select({ ...accountScopeColumns, userCount, sortKey })
      .from(accounts)
      .where(and(where, from))
      .orderBy(backwards ? desc(sortKey) : asc(sortKey))
      .limit(query.size + 1),
    total: db.select({ total: sql<number>`count(*)::int` }).from(
      db
        .select({ one: sql`1` })
        .from(accounts)
        .where(where)
        .limit(totalLimit + 1)
        .as('m'),
    ),
  };
}

/**
 * One page of the Accounts page. Host users see every account (the unmanaged ones as rows they
 * cannot open); individual users see the accounts they have a role in. Ordered by name, paged
 * by position (never OFFSET), so the last page costs what the first does.
 */
export async function listAccounts(
  db: Database,
  viewer: SessionUser,
  query: AccountListQuery,
): Promise<AccountPage> {
  const empty = { rows: [], next: null, previous: null, total: 0, totalIsAtLeast: false };
  if (!mayOnHost(viewer, 'accounts.list') && viewer.accountRoles.size === 0) return empty;
  const position = query.position;
  const backwards = position !== null && 'before' in position;
  const queries = accountPageQueries(db, viewer, query);
  const [found, [counted]] = await Promise.all([queries.page, queries.total]);
  const beyond = found.length > query.size;
  const page = found.slice(0, query.size);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const canManage = mayOnHost(viewer, 'accounts.manage');
  const total = counted?.total ?? 0;
  return {
    rows: page.map(({ sortKey: _key, ...row }) => ({
      ...row,
      yourRole: viewer.accountRoles.get(row.id) ?? null,
      canOpen: mayInAccount(viewer, 'account.view', row),
      canManage,
    })),
    // Going forward there is more when the query overflowed; coming back, there is the page
    // we came from. Mirrored for the previous page.
    next: last && (backwards ? true : beyond) ? { after: last.sortKey } : null,
    previous: first && (backwards ? beyond : position !== null) ? { before: first.sortKey } : null,
    total: Math.min(total, totalLimit),
    totalIsAtLeast: total > totalLimit,
  };
}
