import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accounts } from '@/db/schema';
import { mayInAccount, mayOnHost, type AccountRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import { accountScopeColumns } from '@/lib/auth/account-scope-columns';
import { containsPattern } from '@/lib/database/contains-pattern';
import type { AccountStatus } from '@/db/schema';
import {
  beyondPosition,
  keysetPage,
  readsBackwards,
  shownTotal,
  totalLimit,
  type KeysetPage,
  type PagePosition,
  type PageSize,
} from '@/lib/database/keyset-page';

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

/** What the Accounts page asks for: a filter, and a position in the list ordered by name. */
export interface AccountListQuery {
  /** Part of the name, any case; empty for all. */
  search: string;
  status: AccountStatus | null;
  managed: boolean | null;
  /** The page after this sort key (a lower-cased name), or the page before that one. */
  position: PagePosition;
  size: PageSize;
}

export interface AccountPage extends KeysetPage<AccountRow> {
  /** How many accounts match, counted up to `totalLimit`. */
  total: number;
  totalIsAtLeast: boolean;
}

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
  const from = beyondPosition(sortKey, position);
  return {
    page: db
      .select({ ...accountScopeColumns, userCount, sortKey })
      .from(accounts)
      .where(and(where, from))
      .orderBy(readsBackwards(position) ? desc(sortKey) : asc(sortKey))
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
  const queries = accountPageQueries(db, viewer, query);
  const [found, [counted]] = await Promise.all([queries.page, queries.total]);
  const page = keysetPage(found, query.size, query.position, (row) => row.sortKey);
  const canManage = mayOnHost(viewer, 'accounts.manage');
  return {
    ...page,
    rows: page.rows.map(({ sortKey: _key, ...row }) => ({
      ...row,
      yourRole: viewer.accountRoles.get(row.id) ?? null,
      canOpen: mayInAccount(viewer, 'account.view', row),
      canManage,
    })),
    ...shownTotal(counted?.total ?? 0),
  };
}
