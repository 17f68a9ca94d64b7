import { sql, type SQLWrapper } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountMemberships, users } from '@/db/schema';
import {
  accountUserPageQueries,
  listAccountUsers,
  type AccountUserListQuery,
} from '@/lib/accounts/list-account-users';
import { loadAccountScope } from '@/lib/auth/load-account-scope';
import type { SessionUser } from '@/lib/auth/read-session';
import { listUsers, userPageQueries, type UserListQuery } from '@/lib/users/list-users';
import { directoryFixtures } from '../support/directory-fixtures';
import { withTestDatabase } from '../support/with-test-database';

// The host Users list and an account's Users list in pages: by position in email order (never
// OFFSET), forward and back over the same rows, with search, filters and a total, and never a
// user the viewer may not see, at any page.

const database = withTestDatabase('user_list_pages');
const db = () => database().handle.db;
const { makeUser, makeAccount } = directoryFixtures(db);

const domain = '@pages.test';
let managed = '';
let unmanaged = '';
let hostAdmin: SessionUser;
/** The seeded users a host admin sees, in the database's email order. */
let visibleInOrder: string[] = [];
let managedMembersInOrder: string[] = [];
const statusOf = new Map<string, string>();

const roles = ['admin', 'standard', 'view'] as const;
const statuses = ['active', 'pending', 'deactivated'] as const;

beforeAll(async () => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
  managed = await makeAccount({ name: 'Pages managed' });
  unmanaged = await makeAccount({ name: 'Pages unmanaged', managed: false });
  hostAdmin = await makeUser('admin');
  // 45 users of the managed account (some also in the unmanaged one), 10 only in the unmanaged
  // account (the host never sees them), 5 host users: addresses whose email order differs from
  // the order they were made in.
  const seeded = Array.from({ length: 60 }, (_, n) => ({
    email: `${n % 2 ? 'b' : 'a'}-${String((n * 37) % 60).padStart(2, '0')}${domain}`,
    status: statuses[n % 3]!,
    passwordHash: statuses[n % 3] === 'pending' ? null : 'not-a-real-hash',
    hostRole: n >= 55 ? ('view' as const) : null,
  }));
  const made = await db()
    .insert(users)
    .values(seeded)
    .returning({ id: users.id, email: users.email });
  const memberships = made.flatMap((user, n) =>
    n < 45
      ? [
          { userId: user.id, accountId: managed, role: roles[n % 3]! },
          ...(n % 5 === 0
            ? [{ userId: user.id, accountId: unmanaged, role: 'admin' as const }]
            : []),
        ]
      : n < 55
        ? [{ userId: user.id, accountId: unmanaged, role: 'admin' as const }]
        : [],
  );
  await db().insert(accountMemberships).values(memberships);
  for (const user of seeded) statusOf.set(user.email, user.status);
  const hidden = new Set(made.slice(45, 55).map((user) => user.email));
  const ordered = await db()
    .select({ email: users.email })
    .from(users)
    .where(sql`${users.email} like ${'%' + domain}`)
    .orderBy(users.email);
  visibleInOrder = ordered.map((row) => row.email).filter((email) => !hidden.has(email));
  const members = new Set(made.slice(0, 45).map((user) => user.email));
  managedMembersInOrder = visibleInOrder.filter((email) => members.has(email));
});

const emails = (page: { rows: { email: string }[] }) => page.rows.map((row) => row.email);

describe('the host Users list in pages', () => {
  const query = (changes: Partial<UserListQuery> = {}): UserListQuery => ({
    viewer: hostAdmin,
    search: domain,
    size: 20,
    ...changes,
  });

  it('pages forward to the end and back over the same rows, never showing a hidden user', async () => {
    const forward = [await listUsers(db(), query())];
    while (forward.at(-1)!.next) {
      forward.push(await listUsers(db(), query({ position: forward.at(-1)!.next })));
    }
    expect(forward.map((page) => page.rows.length)).toEqual([20, 20, 10]);
    expect(forward.flatMap(emails)).toEqual(visibleInOrder);
    expect(forward.every((page) => page.total === 50 && !page.totalIsAtLeast)).toBe(true);
    expect(forward[0]!.previous).toBeNull();

    const backward = [forward.at(-1)!];
    while (backward.at(-1)!.previous) {
      backward.push(await listUsers(db(), query({ position: backward.at(-1)!.previous })));
    }
    expect(backward.map(emails)).toEqual([...forward].reverse().map(emails));
    expect(backward.at(-1)!.previous).toBeNull();
  });

  it('filters by status, host role, account role and account, and pages within the filter', async () => {
    const pending = await listUsers(db(), query({ status: 'pending', size: 100 }));
    expect(pending.rows.every((row) => row.status === 'pending')).toBe(true);
    expect(emails(pending)).toEqual(
      visibleInOrder.filter((email) => statusOf.get(email) === 'pending'),
    );

    const hostViewers = await listUsers(db(), query({ role: 'host.view' }));
    expect(hostViewers.rows.map((row) => row.hostRole)).toEqual(Array(5).fill('view'));

    // Admin in an account the host reaches: the managed account's admins, not the unmanaged
    // account's, though some hold both.
    const admins = await listUsers(db(), query({ role: 'account.admin', size: 100 }));
    expect(admins.total).toBe(15);
    expect(
      admins.rows.every((row) =>
        row.accounts.some((account) => account.id === managed && account.role === 'admin'),
      ),
    ).toBe(true);

    const inManaged = await listUsers(db(), query({ accountId: managed, size: 25 }));
    const rest = await listUsers(db(), query({ accountId: managed, position: inManaged.next }));
    expect([...emails(inManaged), ...emails(rest)]).toEqual(managedMembersInOrder);
    expect(rest.next).toBeNull();

    const both = await listUsers(
      db(),
      query({ accountId: managed, role: 'account.admin', status: 'active', size: 100 }),
    );
    expect(both.rows.length).toBeGreaterThan(0);
    expect(
      both.rows.every(
        (row) =>
          row.status === 'active' &&
          row.accounts.some((account) => account.id === managed && account.role === 'admin'),
      ),
    ).toBe(true);
  });

  it('takes % and _ in a search literally', async () => {
    await makeUser('view', [], { email: `100%_off${domain}` });
    expect(emails(await listUsers(db(), query({ search: '%_o' })))).toEqual([`100%_off${domain}`]);
    expect(emails(await listUsers(db(), query({ search: '0%' })))).toEqual([`100%_off${domain}`]);
    await db()
      .delete(users)
      .where(sql`${users.email} = ${`100%_off${domain}`}`);
  });

  it('reads a later page and a search through the email indexes, not the whole table', async () => {
    const plan = (statement: SQLWrapper) =>
      db().transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return JSON.stringify(await tx.execute(sql`explain ${statement}`));
      });
    const later = userPageQueries(db(), { viewer: hostAdmin, position: { after: 'b-30' } });
    expect(await plan(later.page)).toContain('users_email_unique');
    // Who may be seen is asked per listed user, through the memberships' key: never by hashing
    // every membership of the instance first (a page would then cost what all users do).
    const first = userPageQueries(db(), { viewer: hostAdmin });
    expect(await plan(first.page)).not.toMatch(/hashed SubPlan|Seq Scan on account_memberships/);
    expect(await plan(first.page)).toContain('account_memberships_user_id_account_id_pk');
    const search = userPageQueries(db(), { viewer: hostAdmin, search: 'a-4' });
    expect(await plan(search.page)).toContain('users_email_search');
    expect(await plan(search.total)).toContain('users_email_search');
  });
});

describe("an account's Users list in pages", () => {
  const query = async (
    viewer: SessionUser,
    changes: Partial<AccountUserListQuery> = {},
  ): Promise<AccountUserListQuery> => ({
    viewer,
    account: (await loadAccountScope(db(), managed))!,
    size: 20,
    ...changes,
  });

  it('pages its members forward and back, for the host and for the account admin alike', async () => {
    const [firstAdmin] = await db()
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(sql`${users.email} = ${managedMembersInOrder[0]}`);
    const accountAdmin: SessionUser = {
      id: firstAdmin!.id,
      email: firstAdmin!.email,
      language: 'en',
      hostRole: null,
      accountRoles: new Map([[managed, 'admin']]),
    };
    for (const viewer of [hostAdmin, accountAdmin]) {
      const forward = [await listAccountUsers(db(), await query(viewer))];
      while (forward.at(-1)!.next) {
        forward.push(
          await listAccountUsers(db(), await query(viewer, { position: forward.at(-1)!.next })),
        );
      }
      expect(forward.flatMap(emails)).toEqual(managedMembersInOrder);
      expect(forward[0]!.total).toBe(45);
      const back = await listAccountUsers(
        db(),
        await query(viewer, { position: forward.at(-1)!.previous }),
      );
      expect(emails(back)).toEqual(emails(forward.at(-2)!));
      // A position from anywhere in the instance shows only this account's members.
      const anywhere = await listAccountUsers(
        db(),
        await query(viewer, { position: { after: '' }, size: 100 }),
      );
      expect(emails(anywhere)).toEqual(managedMembersInOrder);
    }
  });

  it('filters by role here, by status and by part of the address', async () => {
    const admins = await listAccountUsers(
      db(),
      await query(hostAdmin, { role: 'admin', size: 100 }),
    );
    expect(admins.total).toBe(15);
    expect(admins.rows.every((row) => row.role === 'admin')).toBe(true);
    const found = await listAccountUsers(
      db(),
      await query(hostAdmin, { search: 'B-0', size: 100 }),
    );
    expect(emails(found)).toEqual(managedMembersInOrder.filter((email) => email.startsWith('b-0')));
    const pending = await listAccountUsers(
      db(),
      await query(hostAdmin, { status: 'pending', size: 100 }),
    );
    expect(pending.total).toBe(15);
  });

  it('reads a later page through the account index and a search through the trigram index', async () => {
    const plan = (statement: SQLWrapper) =>
      db().transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return JSON.stringify(await tx.execute(sql`explain ${statement}`));
      });
    const later = accountUserPageQueries(
      db(),
      await query(hostAdmin, { position: { after: 'b' } }),
    );
    expect(await plan(later.page)).toMatch(/account_memberships_by_account|users_email_unique/);
  });
});
