import { eq, sql, type SQLWrapper } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts, users } from '@/db/schema';
import { listMyAccounts, myAccountsShown } from '@/lib/accounts/list-my-accounts';
import {
  accountPageQueries,
  listAccounts,
  type AccountListQuery,
  type AccountPage,
} from '@/lib/accounts/list-accounts';
import { directoryFixtures } from '../support/directory-fixtures';
import { withTestDatabase } from '../support/with-test-database';

// The Accounts list in pages: by position in name order (never OFFSET), forward and back to
// the same rows, with search, filters and a total; individual users page through their own.

const database = withTestDatabase('account_list_pages');
const db = () => database().handle.db;
const { makeUser, makeAccount } = directoryFixtures(db);

const query = (changes: Partial<AccountListQuery> = {}): AccountListQuery => ({
  search: '',
  status: null,
  managed: null,
  position: null,
  size: 25,
  ...changes,
});
const names = (page: AccountPage) => page.rows.map((row) => row.name);

// 60 accounts named so that name order differs from creation order and from byte order.
const seeded = Array.from({ length: 60 }, (_, n) => {
  const number = String((n * 37) % 60).padStart(2, '0');
  return n % 2 ? `Bäckerei ${number}` : `bakery ${number}`;
});
// Name order is the database's (its collation): read once, after seeding.
let inNameOrder: string[] = [];

beforeAll(async () => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
  await db()
    .insert(accounts)
    .values(
      seeded.map((name, n) => ({
        name,
        managed: n % 3 !== 0,
        status: n % 10 === 0 ? ('deactivated' as const) : ('active' as const),
      })),
    );
  const ordered = await db()
    .select({ name: accounts.name })
    .from(accounts)
    .orderBy(sql`lower(${accounts.name})`);
  inNameOrder = ordered.map((row) => row.name);
});

describe('the Accounts list in pages', () => {
  it('pages forward to the end and back to the start over the same rows, in name order', async () => {
    const viewer = await makeUser('view');
    const forward: AccountPage[] = [await listAccounts(db(), viewer, query())];
    while (forward.at(-1)!.next) {
      forward.push(await listAccounts(db(), viewer, query({ position: forward.at(-1)!.next })));
    }
    expect(forward.map((page) => page.rows.length)).toEqual([25, 25, 10]);
    expect(forward.flatMap(names)).toEqual(inNameOrder);
    expect(forward[0]!.previous).toBeNull();
    expect(forward.every((page) => page.total === 60 && !page.totalIsAtLeast)).toBe(true);

    const backward: AccountPage[] = [forward.at(-1)!];
    while (backward.at(-1)!.previous) {
      backward.push(
        await listAccounts(db(), viewer, query({ position: backward.at(-1)!.previous })),
      );
    }
    expect(backward.map(names)).toEqual([...forward].reverse().map(names));
    expect(backward.at(-1)!.previous).toBeNull();
    expect(backward.at(-1)!.next).toEqual(forward[0]!.next);
  });

  it('finds a name by any part of it, in any case, with % and _ taken literally', async () => {
    const viewer = await makeUser('view');
    const found = await listAccounts(db(), viewer, query({ search: 'KEREI 4' }));
    expect(names(found)).toEqual(inNameOrder.filter((name) => /kerei 4/i.test(name)));
    expect(found.total).toBe(found.rows.length);
    await makeAccount({ name: 'Percent 100% _under' });
    expect(names(await listAccounts(db(), viewer, query({ search: '100% _u' })))).toEqual([
      'Percent 100% _under',
    ]);
    expect((await listAccounts(db(), viewer, query({ search: '%' }))).rows).toHaveLength(1);
    expect((await listAccounts(db(), viewer, query({ search: '_' }))).rows).toHaveLength(1);
  });

  it('filters by status and by management, and pages within the filter', async () => {
    const viewer = await makeUser('view');
    const off = await listAccounts(db(), viewer, query({ status: 'deactivated' }));
    expect(off.rows.every((row) => row.status === 'deactivated')).toBe(true);
    expect(off.total).toBe(6);
    const unmanaged = await listAccounts(db(), viewer, query({ managed: false, size: 25 }));
    expect(unmanaged.rows.every((row) => !row.managed)).toBe(true);
    expect(unmanaged.total).toBe(20);
    const second = await listAccounts(db(), viewer, query({ managed: true, position: null }));
    const rest = await listAccounts(db(), viewer, query({ managed: true, position: second.next }));
    expect([...second.rows, ...rest.rows].every((row) => row.managed)).toBe(true);
    expect(names(rest).some((name) => names(second).includes(name))).toBe(false);
  });

  it('pages an individual user through their own accounts only', async () => {
    const rows = await db().select({ id: accounts.id, name: accounts.name }).from(accounts);
    const mine = rows.filter((row) => seeded.includes(row.name)).slice(0, 30);
    const viewer = await makeUser(
      null,
      mine.map((row) => [row.id, 'view'] as [string, 'view']),
    );
    const first = await listAccounts(db(), viewer, query());
    const second = await listAccounts(db(), viewer, query({ position: first.next }));
    expect(first.total).toBe(30);
    expect(second.next).toBeNull();
    expect([...names(first), ...names(second)].sort()).toEqual(mine.map((row) => row.name).sort());
    // A position taken from the host's list shows them nothing more.
    const beyond = await listAccounts(db(), viewer, query({ position: { after: '' } }));
    expect(beyond.rows.every((row) => mine.some((own) => own.id === row.id))).toBe(true);
  });

  it('reads a page, a later page and a search through the name indexes, not the whole table', async () => {
    const viewer = await makeUser('view');
    // With 60 rows PostgreSQL would rightly scan the table; forbidding that asks whether an
    // index can serve each statement, which is what holds at 10,000 accounts.
    const plan = (statement: SQLWrapper) =>
      db().transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return JSON.stringify(await tx.execute(sql`explain ${statement}`));
      });
    const later = accountPageQueries(db(), viewer, query({ position: { after: 'bakery 30' } }));
    expect(await plan(later.page)).toContain('accounts_name_unique');
    const search = accountPageQueries(db(), viewer, query({ search: 'kerei 4' }));
    expect(await plan(search.page)).toContain('accounts_name_search');
    expect(await plan(search.total)).toContain('accounts_name_search');
  });
});

describe("a member's own accounts (header picker and dashboard)", () => {
  it('lists the last opened first, then by name, up to the limit, with the total', async () => {
    const mine = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        makeAccount({ name: `Own ${String(19 - n).padStart(2, '0')}` }),
      ),
    );
    const closed = await makeAccount({ name: 'Own closed', status: 'deactivated' });
    const member = await makeUser(null, [
      ...mine.map((id) => [id, 'view'] as [string, 'view']),
      [closed, 'admin'],
    ]);
    const first = await listMyAccounts(db(), member.id);
    expect(first.total).toBe(20);
    expect(first.lastAccountId).toBeNull();
    expect(first.accounts.map((account) => account.name)).toEqual(
      Array.from({ length: myAccountsShown }, (_, n) => `Own ${String(n).padStart(2, '0')}`),
    );
    // "Own 17" was opened last: it comes first though its name sorts late.
    await db().update(users).set({ lastAccountId: mine[2]! }).where(eq(users.id, member.id));
    const again = await listMyAccounts(db(), member.id, { limit: 3 });
    expect(again.lastAccountId).toBe(mine[2]);
    expect(again.accounts.map((account) => account.name)).toEqual(['Own 17', 'Own 00', 'Own 01']);
    // A deactivated account opened last is neither listed nor counted.
    await db().update(users).set({ lastAccountId: closed }).where(eq(users.id, member.id));
    const closedLast = await listMyAccounts(db(), member.id, { limit: 3 });
    expect(closedLast.lastAccountId).toBeNull();
    expect(closedLast.accounts.map((account) => account.name)).toEqual([
      'Own 00',
      'Own 01',
      'Own 02',
    ]);
  });
});
