import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts, invitations, outbox, users } from '@/db/schema';
import { changeAccountRole } from '@/lib/accounts/change-account-role';
import { removeFromAccount } from '@/lib/accounts/remove-from-account';
import { listAccountUsers } from '@/lib/accounts/list-account-users';
import { loadAccountScope } from '@/lib/auth/load-account-scope';
import { setDelegation } from '@/lib/accounts/set-delegation';
import { makeResetLink } from '@/lib/users/make-reset-link';
import { regenerateInvitation } from '@/lib/users/regenerate-invitation';
import { hashToken } from '@/lib/crypto/tokens';
import { testSetupActor } from '../support/audit-actors';
import { directoryFixtures } from '../support/directory-fixtures';
import { withTestDatabase } from '../support/with-test-database';

const database = withTestDatabase('account_users');
const db = () => database().handle.db;
const { nextTag, nextName, makeUser, makeAccount, rolesOf, snapshot } = directoryFixtures(db);

beforeAll(() => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
});

/** The account as the checked context hands it to the functions under test. */
async function scope(accountId: string) {
  const account = await loadAccountScope(db(), accountId);
  if (!account) throw new Error('no such account');
  return account;
}

async function userExists(userId: string) {
  return (await db().select({ id: users.id }).from(users).where(eq(users.id, userId))).length > 0;
}

describe('listAccountUsers', () => {
  it("lists the account's users only, ordered by email, the viewer's own row not manageable", async () => {
    const tag = nextTag('list');
    const account = await makeAccount();
    const other = await makeAccount();
    const viewer = await makeUser(null, [[account, 'admin']], { email: `${tag}-c@x.test` });
    const standard = await makeUser(null, [[account, 'standard']], { email: `${tag}-a@x.test` });
    const pending = await makeUser(null, [[account, 'view']], {
      email: `${tag}-b@x.test`,
      status: 'pending',
    });
    await makeUser(null, [[other, 'admin']], { email: `${tag}-d@x.test` });
    const expiresAt = new Date(Date.now() + 3_600_000);
    await db()
      .insert(invitations)
      .values({
        userId: pending.id,
        tokenHash: hashToken(`${tag}-link`),
        expiresAt,
      });

    const { rows } = await listAccountUsers(db(), { viewer, account: await scope(account) });
    expect(
      rows.map(({ id, status, role, invitationExpiresAt, isViewer, manageable, linksAllowed }) => ({
        id,
        status,
        role,
        invitationExpiresAt,
        isViewer,
        manageable,
        linksAllowed,
      })),
    ).toEqual([
      {
        id: standard.id,
        status: 'active',
        role: 'standard',
        invitationExpiresAt: null,
        isViewer: false,
        manageable: true,
        linksAllowed: true,
      },
      {
        id: pending.id,
        status: 'pending',
        role: 'view',
        invitationExpiresAt: expiresAt,
        isViewer: false,
        manageable: true,
        linksAllowed: true,
      },
      {
        id: viewer.id,
        status: 'active',
        role: 'admin',
        invitationExpiresAt: null,
        isViewer: true,
        manageable: false,
        linksAllowed: false,
      },
    ]);
  });

  it('allows links only for users whose every account the viewer manages', async () => {
    const tag = nextTag('links');
    const account = await makeAccount({ managed: false });
    const foreign = await makeAccount({ managed: false });
    const alsoMine = await makeAccount({ managed: false });
    const viewer = await makeUser(null, [
      [account, 'admin'],
      [alsoMine, 'admin'],
    ]);
    const inForeign = await makeUser(
      null,
      [
        [account, 'view'],
        [foreign, 'view'],
      ],
      { email: `${tag}-a@x.test` },
    );
    const inBothOfMine = await makeUser(
      null,
      [
        [account, 'view'],
        [alsoMine, 'standard'],
      ],
      { email: `${tag}-b@x.test` },
    );
    const hostUser = await makeUser('view', [[account, 'view']], { email: `${tag}-c@x.test` });

    const { rows } = await listAccountUsers(db(), { viewer, account: await scope(account) });
    expect(
      rows
        .filter((row) => !row.isViewer)
        .map(({ id, manageable, linksAllowed, hostRole }) => ({
          id,
          manageable,
          linksAllowed,
          hostRole,
        })),
    ).toEqual([
      { id: inForeign.id, manageable: true, linksAllowed: false, hostRole: null },
      { id: inBothOfMine.id, manageable: true, linksAllowed: true, hostRole: null },
      // A host user's links are a host admin's matter.
      { id: hostUser.id, manageable: true, linksAllowed: false, hostRole: 'view' },
    ]);
  });

  it('lets a host admin manage the users of a managed account but not link those of an unmanaged one', async () => {
    const tag = nextTag('hostlist');
    const account = await makeAccount({ managed: true });
    const unmanaged = await makeAccount({ managed: false });
    const viewer = await makeUser('admin');
    const member = await makeUser(null, [[account, 'admin']], { email: `${tag}-a@x.test` });
    const shared = await makeUser(
      null,
      [
        [account, 'view'],
        [unmanaged, 'view'],
      ],
      { email: `${tag}-b@x.test` },
    );
    const { rows } = await listAccountUsers(db(), { viewer, account: await scope(account) });
    expect(
      rows.map(({ id, manageable, linksAllowed }) => ({ id, manageable, linksAllowed })),
    ).toEqual([
      { id: member.id, manageable: true, linksAllowed: true },
      { id: shared.id, manageable: true, linksAllowed: false },
    ]);

    // A host standard user sees the same rows and may manage none of them.
    const standard = await makeUser('standard');
    const { rows: seen } = await listAccountUsers(db(), {
      viewer: standard,
      account: await scope(account),
    });
    expect(
      seen.map(({ id, manageable, linksAllowed }) => ({ id, manageable, linksAllowed })),
    ).toEqual([
      { id: member.id, manageable: false, linksAllowed: false },
      { id: shared.id, manageable: false, linksAllowed: false },
    ]);
  });
});

describe('changeAccountRole', () => {
  it('lets an account admin change a standard user to view', async () => {
    const account = await makeAccount({ managed: false });
    const admin = await makeUser(null, [[account, 'admin']]);
    const target = await makeUser(null, [[account, 'standard']]);
    expect(
      await changeAccountRole(db(), {
        actor: admin,
        auditActor: testSetupActor,
        accountId: account,
        userId: target.id,
        role: 'view',
      }),
    ).toEqual({ ok: true, email: target.email });
    expect(await rolesOf(target.id)).toEqual([{ accountId: account, role: 'view' }]);
  });

  it('refuses a change to oneself', async () => {
    const account = await makeAccount();
    const admin = await makeUser(null, [[account, 'admin']]);
    await makeUser(null, [[account, 'admin']]);
    const before = await snapshot();
    expect(
      await changeAccountRole(db(), {
        actor: admin,
        auditActor: testSetupActor,
        accountId: account,
        userId: admin.id,
        role: 'view',
      }),
    ).toEqual({ ok: false, reason: 'self' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses account standard users, host standard users, and host admins of unmanaged accounts', async () => {
    const managed = await makeAccount({ managed: true });
    const unmanaged = await makeAccount({ managed: false });
    const accountStandard = await makeUser(null, [[managed, 'standard']]);
    const hostStandard = await makeUser('standard');
    const hostAdmin = await makeUser('admin');
    const inManaged = await makeUser(null, [[managed, 'view']]);
    const inUnmanaged = await makeUser(null, [[unmanaged, 'standard']]);
    const before = await snapshot();
    for (const [actor, accountId, userId] of [
      [accountStandard, managed, inManaged.id],
      [hostStandard, managed, inManaged.id],
      [hostAdmin, unmanaged, inUnmanaged.id],
    ] as const) {
      expect(
        await changeAccountRole(db(), {
          actor,
          auditActor: testSetupActor,
          accountId,
          userId,
          role: 'view',
        }),
      ).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(
        await removeFromAccount(db(), { actor, auditActor: testSetupActor, accountId, userId }),
      ).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets a host admin change roles in a managed account, and in an unmanaged one once delegated', async () => {
    const hostAdmin = await makeUser('admin');
    const managed = await makeAccount({ managed: true });
    const inManaged = await makeUser(null, [[managed, 'view']]);
    expect(
      await changeAccountRole(db(), {
        actor: hostAdmin,
        auditActor: testSetupActor,
        accountId: managed,
        userId: inManaged.id,
        role: 'admin',
      }),
    ).toEqual({ ok: true, email: inManaged.email });
    expect(await rolesOf(inManaged.id)).toEqual([{ accountId: managed, role: 'admin' }]);

    const unmanaged = await makeAccount({ managed: false });
    const inUnmanaged = await makeUser(null, [[unmanaged, 'standard']]);
    const change = () =>
      changeAccountRole(db(), {
        actor: hostAdmin,
        auditActor: testSetupActor,
        accountId: unmanaged,
        userId: inUnmanaged.id,
        role: 'view',
      });
    expect(await change()).toEqual({ ok: false, reason: 'forbidden' });
    expect(await rolesOf(inUnmanaged.id)).toEqual([{ accountId: unmanaged, role: 'standard' }]);
    await setDelegation(db(), { accountId: unmanaged, delegated: true, actor: testSetupActor });
    expect(await change()).toEqual({ ok: true, email: inUnmanaged.email });
    expect(await rolesOf(inUnmanaged.id)).toEqual([{ accountId: unmanaged, role: 'view' }]);
  });

  it("refuses to demote or remove the account's only admin, naming the account", async () => {
    const hostAdmin = await makeUser('admin');
    const name = nextName('Only Admin');
    const account = await makeAccount({ managed: true, name });
    const admin = await makeUser(null, [[account, 'admin']]);
    // A deactivated co-admin does not keep the account administered.
    await makeUser(null, [[account, 'admin']], { status: 'deactivated' });
    const before = await snapshot();
    expect(
      await changeAccountRole(db(), {
        actor: hostAdmin,
        auditActor: testSetupActor,
        accountId: account,
        userId: admin.id,
        role: 'standard',
      }),
    ).toEqual({ ok: false, reason: 'lastAccountAdmin', accounts: [name] });
    expect(
      await removeFromAccount(db(), {
        actor: hostAdmin,
        auditActor: testSetupActor,
        accountId: account,
        userId: admin.id,
      }),
    ).toEqual({ ok: false, reason: 'lastAccountAdmin', accounts: [name] });
    expect(await snapshot()).toEqual(before);

    // With a second active admin the demotion goes through.
    await makeUser(null, [[account, 'admin']]);
    expect(
      await changeAccountRole(db(), {
        actor: hostAdmin,
        auditActor: testSetupActor,
        accountId: account,
        userId: admin.id,
        role: 'standard',
      }),
    ).toEqual({ ok: true, email: admin.email });
    expect(await rolesOf(admin.id)).toEqual([{ accountId: account, role: 'standard' }]);
  });

  it('answers notFound for someone without a role in the account, or an account that is gone', async () => {
    const hostAdmin = await makeUser('admin');
    const account = await makeAccount();
    const elsewhere = await makeAccount();
    const outsider = await makeUser(null, [[elsewhere, 'view']]);
    const gone = await makeAccount();
    const member = await makeUser(null, [
      [gone, 'view'],
      [elsewhere, 'standard'],
    ]);
    await db().delete(accounts).where(eq(accounts.id, gone));
    const before = await snapshot();
    for (const [accountId, userId] of [
      [account, outsider.id],
      [gone, member.id],
    ] as const) {
      expect(
        await changeAccountRole(db(), {
          actor: hostAdmin,
          auditActor: testSetupActor,
          accountId,
          userId,
          role: 'admin',
        }),
      ).toEqual({ ok: false, reason: 'notFound' });
      expect(
        await removeFromAccount(db(), {
          actor: hostAdmin,
          auditActor: testSetupActor,
          accountId,
          userId,
        }),
      ).toEqual({
        ok: false,
        reason: 'notFound',
      });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('removeFromAccount', () => {
  it('removes a user whose only role it was from the instance, cancelling their waiting emails', async () => {
    const account = await makeAccount({ managed: false });
    const admin = await makeUser(null, [[account, 'admin']]);
    const target = await makeUser(null, [[account, 'standard']]);
    const [queued] = await db()
      .insert(outbox)
      .values({
        recipient: target.email,
        recipientUserId: target.id,
        kind: 'password-reset',
        language: 'en',
        payloadEncrypted: 'sealed',
      })
      .returning({ id: outbox.id });

    expect(
      await removeFromAccount(db(), {
        actor: admin,
        auditActor: testSetupActor,
        accountId: account,
        userId: target.id,
      }),
    ).toEqual({ ok: true, email: target.email, removedFromInstance: true });
    expect(await userExists(target.id)).toBe(false);
    expect(await rolesOf(target.id)).toEqual([]);
    const [email] = await db()
      .select({ status: outbox.status, payload: outbox.payloadEncrypted })
      .from(outbox)
      .where(eq(outbox.id, queued!.id));
    expect(email).toEqual({ status: 'cancelled', payload: null });
    expect(await rolesOf(admin.id)).toEqual([{ accountId: account, role: 'admin' }]);
  });

  it('keeps a user who has another account or a host role, taking away this role only', async () => {
    const account = await makeAccount({ managed: true });
    const other = await makeAccount({ managed: true });
    const hostAdmin = await makeUser('admin');
    const twoAccounts = await makeUser(null, [
      [account, 'view'],
      [other, 'standard'],
    ]);
    const hostUser = await makeUser('view', [[account, 'standard']]);

    expect(
      await removeFromAccount(db(), {
        actor: hostAdmin,
        auditActor: testSetupActor,
        accountId: account,
        userId: twoAccounts.id,
      }),
    ).toEqual({ ok: true, email: twoAccounts.email, removedFromInstance: false });
    expect(await userExists(twoAccounts.id)).toBe(true);
    expect(await rolesOf(twoAccounts.id)).toEqual([{ accountId: other, role: 'standard' }]);

    expect(
      await removeFromAccount(db(), {
        actor: hostAdmin,
        auditActor: testSetupActor,
        accountId: account,
        userId: hostUser.id,
      }),
    ).toEqual({ ok: true, email: hostUser.email, removedFromInstance: false });
    expect(await userExists(hostUser.id)).toBe(true);
    expect(await rolesOf(hostUser.id)).toEqual([]);
  });

  it('refuses to remove oneself', async () => {
    const account = await makeAccount();
    const admin = await makeUser(null, [[account, 'admin']]);
    await makeUser(null, [[account, 'admin']]);
    const before = await snapshot();
    expect(
      await removeFromAccount(db(), {
        actor: admin,
        auditActor: testSetupActor,
        accountId: account,
        userId: admin.id,
      }),
    ).toEqual({ ok: false, reason: 'self' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('links made from an account', () => {
  it("finds only that account's users: another account's user is notFound and nothing is made", async () => {
    const hostAdmin = await makeUser('admin');
    const account = await makeAccount();
    const elsewhere = await makeAccount();
    const activeOutsider = await makeUser(null, [[elsewhere, 'view']]);
    const pendingOutsider = await makeUser(null, [[elsewhere, 'view']], { status: 'pending' });
    const before = await snapshot();
    expect(
      await makeResetLink(db(), {
        actor: hostAdmin,
        auditActor: testSetupActor,
        userId: activeOutsider.id,
        inAccount: account,
      }),
    ).toEqual({ ok: false, reason: 'notFound' });
    expect(
      await regenerateInvitation(db(), {
        actor: hostAdmin,
        auditActor: testSetupActor,
        userId: pendingOutsider.id,
        inAccount: account,
      }),
    ).toEqual({ ok: false, reason: 'notFound' });
    expect(await snapshot()).toEqual(before);

    // From their own account, both are found.
    const reset = await makeResetLink(db(), {
      actor: hostAdmin,
      auditActor: testSetupActor,
      userId: activeOutsider.id,
      inAccount: elsewhere,
    });
    expect(reset.ok).toBe(true);
    const invitation = await regenerateInvitation(db(), {
      actor: hostAdmin,
      auditActor: testSetupActor,
      userId: pendingOutsider.id,
      inAccount: elsewhere,
    });
    expect(invitation.ok).toBe(true);
  });
});
