import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts, invitations, outbox, sessions, users } from '@/db/schema';
import { deleteAccount } from '@/lib/accounts/delete-account';
import { listAccounts, type AccountListQuery } from '@/lib/accounts/list-accounts';
import { rememberAccount } from '@/lib/accounts/remember-account';
import { renameAccount } from '@/lib/accounts/rename-account';
import { setAccountStatus } from '@/lib/accounts/set-account-status';
import { setDelegation } from '@/lib/accounts/set-delegation';
import { createSession } from '@/lib/auth/sessions';
import { hashToken } from '@/lib/crypto/tokens';
import { hostAdminActor, testSetupActor } from '../support/audit-actors';
import { directoryFixtures, unusedPasswordHash } from '../support/directory-fixtures';
import { withTestDatabase } from '../support/with-test-database';

// Rename, deactivate and activate, delete, delegation, the remembered account and the
// Accounts list. Adding accounts and their setup are in accounts.test.ts.

const database = withTestDatabase('account_lifecycle');
const db = () => database().handle.db;
const fixtures = directoryFixtures(db);
const { nextTag, nextName, makeUser, makeAccount } = fixtures;
const { readAccount, readUser, membersOf, rolesOf, emailsTo, snapshot } = fixtures;

beforeAll(() => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
});

/** How many sessions a user has open. */
async function sessionCount(userId: string) {
  return (await db().select().from(sessions).where(eq(sessions.userId, userId))).length;
}

describe('renameAccount', () => {
  it("renames, refuses another account's name in other case, allows its own in other case", async () => {
    const taken = nextName('Bakery North');
    await makeAccount({ name: taken });
    const account = await makeAccount();
    const newName = nextName('Bakery South');

    expect(
      await renameAccount(db(), {
        accountId: account,
        name: `  ${newName} `,
        actor: testSetupActor,
      }),
    ).toEqual({
      ok: true,
      name: newName,
    });
    expect(await readAccount(account)).toMatchObject({ name: newName });

    const before = await snapshot();
    expect(
      await renameAccount(db(), {
        accountId: account,
        name: taken.toLowerCase(),
        actor: testSetupActor,
      }),
    ).toEqual({
      ok: false,
      reason: 'duplicateName',
    });
    expect(await snapshot()).toEqual(before);

    expect(
      await renameAccount(db(), {
        accountId: account,
        name: newName.toUpperCase(),
        actor: testSetupActor,
      }),
    ).toEqual({
      ok: true,
      name: newName.toUpperCase(),
    });
    expect(await readAccount(account)).toMatchObject({ name: newName.toUpperCase() });
  });
});

describe('setAccountStatus', () => {
  it('deactivates a managed account and activates it again', async () => {
    const account = await makeAccount();
    const name = (await readAccount(account))!.name;
    expect(
      await setAccountStatus(db(), { accountId: account, active: false, actor: testSetupActor }),
    ).toEqual({
      ok: true,
      name,
      status: 'deactivated',
    });
    expect(await readAccount(account)).toMatchObject({ status: 'deactivated' });
    expect(
      await setAccountStatus(db(), { accountId: account, active: true, actor: testSetupActor }),
    ).toEqual({
      ok: true,
      name,
      status: 'active',
    });
    expect(await readAccount(account)).toMatchObject({ status: 'active' });
  });

  it('activates an unmanaged account to setup while its admin is pending, to active after', async () => {
    const name = nextName('Waiting');
    const account = await makeAccount({ name, managed: false, status: 'setup' });
    const admin = await makeUser(null, [[account, 'admin']], { status: 'pending' });
    // An active user of another role does not make the account administered.
    await makeUser(null, [[account, 'standard']]);
    await setAccountStatus(db(), { accountId: account, active: false, actor: testSetupActor });
    expect(await readAccount(account)).toMatchObject({ status: 'deactivated' });
    expect(
      await setAccountStatus(db(), { accountId: account, active: true, actor: testSetupActor }),
    ).toEqual({
      ok: true,
      name,
      status: 'setup',
    });
    expect(await readAccount(account)).toMatchObject({ status: 'setup' });

    // The admin signed up while the account was deactivated.
    await setAccountStatus(db(), { accountId: account, active: false, actor: testSetupActor });
    await db()
      .update(users)
      .set({ status: 'active', passwordHash: await unusedPasswordHash() })
      .where(eq(users.id, admin.id));
    expect(
      await setAccountStatus(db(), { accountId: account, active: true, actor: testSetupActor }),
    ).toEqual({
      ok: true,
      name,
      status: 'active',
    });
    expect(await readAccount(account)).toMatchObject({ status: 'active' });
  });
});

describe('deleteAccount', () => {
  it('refuses a confirmation that is not the name and changes nothing', async () => {
    const actor = await makeUser('admin');
    const name = nextName('Keep Me');
    const account = await makeAccount({ name });
    await makeUser(null, [[account, 'admin']]);
    const before = await snapshot();
    for (const confirmName of [name.toLowerCase(), `${name}x`, 'Keep']) {
      expect(
        await deleteAccount(db(), {
          actor: hostAdminActor(actor.id),
          accountId: account,
          confirmName,
        }),
      ).toEqual({ ok: false, reason: 'confirmMismatch' });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('removes the account and its roles; users left with no role are deactivated, signed out, their emails cancelled', async () => {
    const actor = await makeUser('admin');
    const name = nextName('Doomed');
    const account = await makeAccount({ name });
    const elsewhere = await makeAccount();
    const only = await makeUser(null, [[account, 'admin']]);
    const pending = await makeUser(null, [[account, 'view']], { status: 'pending' });
    const alreadyOff = await makeUser(null, [[account, 'view']], { status: 'deactivated' });
    const twoAccounts = await makeUser(null, [
      [account, 'standard'],
      [elsewhere, 'admin'],
    ]);
    const hostUser = await makeUser('view', [[account, 'view']]);
    const everyone = [only, pending, alreadyOff, twoAccounts, hostUser];
    for (const user of everyone) {
      await createSession(db(), { userId: user.id, proof: 'password' });
      await db()
        .insert(outbox)
        .values([
          {
            recipient: user.email,
            recipientUserId: user.id,
            kind: 'password-reset',
            language: 'en',
            payloadEncrypted: 'sealed',
          },
          {
            recipient: user.email,
            recipientUserId: user.id,
            kind: 'invitation',
            language: 'en',
            status: 'sent',
          },
        ]);
    }
    await db()
      .insert(invitations)
      .values({
        userId: pending.id,
        tokenHash: hashToken(nextTag('pending-link-')),
        expiresAt: new Date(Date.now() + 3_600_000),
      });

    expect(
      await deleteAccount(db(), {
        actor: hostAdminActor(actor.id),
        accountId: account,
        confirmName: ` ${name} `,
      }),
    ).toEqual({ ok: true, name, deactivatedUsers: 2, deactivatedSelf: false });
    expect(await readAccount(account)).toBeUndefined();
    expect(await membersOf(account)).toEqual([]);

    for (const user of [only, pending]) {
      expect(await readUser(user.id)).toMatchObject({ status: 'deactivated' });
      expect(await sessionCount(user.id)).toBe(0);
      expect(await emailsTo(user.id)).toMatchObject([
        { kind: 'invitation', status: 'sent' },
        { kind: 'password-reset', status: 'cancelled', payload: null },
      ]);
    }
    // The pending user's link dies with their access.
    const [pendingLink] = await db()
      .select({ replacedAt: invitations.replacedAt })
      .from(invitations)
      .where(eq(invitations.userId, pending.id));
    expect(pendingLink!.replacedAt).not.toBeNull();

    // Users who keep a role elsewhere are not touched.
    expect(await readUser(twoAccounts.id)).toMatchObject({ status: 'active' });
    expect(await rolesOf(twoAccounts.id)).toEqual([{ accountId: elsewhere, role: 'admin' }]);
    expect(await readUser(hostUser.id)).toMatchObject({ status: 'active', hostRole: 'view' });
    expect(await rolesOf(hostUser.id)).toEqual([]);
    for (const user of [twoAccounts, hostUser]) {
      expect(await sessionCount(user.id)).toBe(1);
      expect(await emailsTo(user.id)).toMatchObject([
        { kind: 'invitation', status: 'sent' },
        { kind: 'password-reset', status: 'queued', payload: 'sealed' },
      ]);
    }
    expect(await readUser(alreadyOff.id)).toMatchObject({ status: 'deactivated' });
  });

  it('says when the account admin deleting it was deactivated with it', async () => {
    const name = nextName('Own Account');
    const account = await makeAccount({ name });
    const admin = await makeUser(null, [[account, 'admin']]);
    await createSession(db(), { userId: admin.id, proof: 'password' });
    expect(
      await deleteAccount(db(), {
        actor: hostAdminActor(admin.id),
        accountId: account,
        confirmName: name,
      }),
    ).toEqual({ ok: true, name, deactivatedUsers: 1, deactivatedSelf: true });
    expect(await readUser(admin.id)).toMatchObject({ status: 'deactivated' });
    expect(await sessionCount(admin.id)).toBe(0);
  });
});

describe('setDelegation', () => {
  it('turns delegated user management on and off', async () => {
    const account = await makeAccount({ managed: false });
    expect(
      await setDelegation(db(), { accountId: account, delegated: true, actor: testSetupActor }),
    ).toEqual({
      ok: true,
    });
    expect(await readAccount(account)).toMatchObject({ delegatedUserManagement: true });
    expect(
      await setDelegation(db(), { accountId: account, delegated: false, actor: testSetupActor }),
    ).toEqual({
      ok: true,
    });
    expect(await readAccount(account)).toMatchObject({ delegatedUserManagement: false });
    const gone = await makeAccount();
    await db().delete(accounts).where(eq(accounts.id, gone));
    expect(
      await setDelegation(db(), { accountId: gone, delegated: true, actor: testSetupActor }),
    ).toEqual({
      ok: false,
      reason: 'notFound',
    });
  });
});

describe('rememberAccount', () => {
  it('stores the last opened account, forgotten when that account is deleted', async () => {
    const first = await makeAccount();
    const second = await makeAccount();
    const user = await makeUser(null, [
      [first, 'view'],
      [second, 'view'],
    ]);
    const bystander = await makeUser(null, [[first, 'view']]);
    await rememberAccount(db(), user.id, first);
    expect(await readUser(user.id)).toMatchObject({ lastAccountId: first });
    await rememberAccount(db(), user.id, second);
    expect(await readUser(user.id)).toMatchObject({ lastAccountId: second });
    expect(await readUser(bystander.id)).toMatchObject({ lastAccountId: null });

    const name = (await readAccount(second))!.name;
    await deleteAccount(db(), {
      actor: hostAdminActor(user.id),
      accountId: second,
      confirmName: name,
    });
    expect(await readUser(user.id)).toMatchObject({ lastAccountId: null, status: 'active' });
  });
});

const firstPage = {
  search: '',
  status: null,
  managed: null,
  position: null,
  size: 100,
} satisfies AccountListQuery;

describe('listAccounts', () => {
  it('shows host users every account, openable only when managed and not deactivated', async () => {
    const tag = nextName('List');
    const managed = await makeAccount({ name: `${tag} a managed` });
    const off = await makeAccount({ name: `${tag} b deactivated`, status: 'deactivated' });
    const unmanaged = await makeAccount({ name: `${tag} c unmanaged`, managed: false });
    await makeUser(null, [[managed, 'admin']]);
    await makeUser(null, [[managed, 'view']]);
    await makeUser(null, [[unmanaged, 'admin']]);
    const ours = [managed, off, unmanaged];

    for (const role of ['admin', 'standard', 'view'] as const) {
      const viewer = await makeUser(role);
      const { rows } = await listAccounts(db(), viewer, { ...firstPage, search: tag });
      expect(rows.map((row) => row.id)).toEqual(ours);
      const canManage = role !== 'view';
      expect(
        rows.map((row) => ({
          id: row.id,
          status: row.status,
          managed: row.managed,
          userCount: row.userCount,
          yourRole: row.yourRole,
          canOpen: row.canOpen,
          canManage: row.canManage,
        })),
      ).toEqual([
        {
          id: managed,
          status: 'active',
          managed: true,
          userCount: 2,
          yourRole: null,
          canOpen: true,
          canManage,
        },
        {
          id: off,
          status: 'deactivated',
          managed: true,
          userCount: 0,
          yourRole: null,
          canOpen: false,
          canManage,
        },
        {
          id: unmanaged,
          status: 'active',
          managed: false,
          userCount: 1,
          yourRole: null,
          canOpen: false,
          canManage,
        },
      ]);
    }
  });

  it('shows individual users only their own accounts', async () => {
    const tag = nextName('Mine');
    const first = await makeAccount({ name: `${tag} a`, managed: false });
    const second = await makeAccount({ name: `${tag} b` });
    const off = await makeAccount({ name: `${tag} c`, status: 'deactivated' });
    await makeAccount({ name: `${tag} d not mine` });
    const viewer = await makeUser(null, [
      [second, 'view'],
      [first, 'admin'],
      [off, 'standard'],
    ]);
    await makeUser(null, [[first, 'standard']]);

    expect(
      (await listAccounts(db(), viewer, firstPage)).rows.map(
        ({ id, userCount, yourRole, canOpen, canManage }) => ({
          id,
          userCount,
          yourRole,
          canOpen,
          canManage,
        }),
      ),
    ).toEqual([
      { id: first, userCount: 2, yourRole: 'admin', canOpen: true, canManage: false },
      { id: second, userCount: 1, yourRole: 'view', canOpen: true, canManage: false },
      { id: off, userCount: 1, yourRole: 'standard', canOpen: false, canManage: false },
    ]);
    expect((await listAccounts(db(), await makeUser(null), firstPage)).rows).toEqual([]);
  });
});
