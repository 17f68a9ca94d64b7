import { and, asc, eq, isNotNull, notInArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { invitations, outbox, sessions, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/read-session';
import { createSession } from '@/lib/auth/sessions';
import { acceptInvitation } from '@/lib/invitations/accept-invitation';
import { inviteUser, type InviteUserRequest } from '@/lib/invitations/invite-user';
import { readInvitation } from '@/lib/invitations/read-invitation';
import { regenerateInvitation } from '@/lib/users/regenerate-invitation';
import { changeUserRole } from '@/lib/users/change-user-role';
import { listUsers } from '@/lib/users/list-users';
import { revokeUser } from '@/lib/users/revoke-user';
import { setUserStatus } from '@/lib/users/set-user-status';
import { testSetupActor } from '../support/audit-actors';
import { directoryFixtures } from '../support/directory-fixtures';
import { withTestDatabase } from '../support/with-test-database';
import { setUnreachableSmtp } from '../support/test-smtp-settings';

const database = withTestDatabase('user_administration');
const db = () => database().handle.db;
const password = 'lantern orbit meadow 42';
const { nextTag, nextEmail, nextName, makeUser, makeAccount, rolesOf, snapshot } =
  directoryFixtures(db);

beforeAll(() => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
});
beforeEach(async () => {
  await setSmtp(false);
});

const setSmtp = (enabled: boolean) => setUnreachableSmtp(db(), enabled);

async function invite(inviter: SessionUser, request: InviteUserRequest, email = nextEmail('inv')) {
  const result = await inviteUser(db(), {
    auditActor: testSetupActor,
    inviter,
    email,
    request,
    language: 'en',
  });
  if (!result.ok) throw new Error(`invite refused: ${result.reason}`);
  return { ...result, email, token: result.link.split('/invite/')[1]! };
}

/** An active user who came in through an invitation, its email still waiting in the outbox. */
async function signedUpWithQueuedEmail(inviter: SessionUser, request: InviteUserRequest) {
  await setSmtp(true);
  const invited = await invite(inviter, request);
  const accepted = await acceptInvitation(db(), {
    actor: testSetupActor,
    token: invited.token,
    password,
  });
  if (!accepted.ok) throw new Error(`accept refused: ${accepted.reason}`);
  return invited;
}

/** Whether a user is there, with which status and host role, and whether a password is set. */
async function readUser(userId: string) {
  const [row] = await db()
    .select({ status: users.status, hostRole: users.hostRole, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/**
 * Tests share one database, and every test makes host admins of its own; the last-admin
 * invariant is about all of them. This leaves exactly `ids` as the instance's active admins.
 */
async function leaveActiveAdmins(...ids: string[]) {
  await db()
    .update(users)
    .set({ status: 'deactivated' })
    .where(and(eq(users.hostRole, 'admin'), notInArray(users.id, ids)));
  for (const id of ids) {
    await db().update(users).set({ status: 'active' }).where(eq(users.id, id));
  }
}

async function activeAdminIds() {
  const rows = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.hostRole, 'admin'), eq(users.status, 'active')));
  return rows.map((row) => row.id).sort();
}

/** A user's outbox rows, oldest first: which, in what state, and whether content is kept. */
async function emailsTo(userId: string) {
  return db()
    .select({ id: outbox.id, status: outbox.status, payload: outbox.payloadEncrypted })
    .from(outbox)
    .where(eq(outbox.recipientUserId, userId))
    .orderBy(asc(outbox.createdAt));
}

describe('listUsers', () => {
  it('orders users by email', async () => {
    const viewer = await makeUser('admin');
    const tag = nextTag('order');
    // Letters only, so the order does not depend on the database's collation.
    for (const local of ['c', 'a', 'd', 'b']) {
      await makeUser('view', [], { email: `${tag}-${local}@x.test` });
    }
    const { rows } = await listUsers(db(), { viewer, search: tag });
    expect(rows.map((row) => row.email)).toEqual(
      ['a', 'b', 'c', 'd'].map((local) => `${tag}-${local}@x.test`),
    );
  });

  it('searches case-insensitively for a part of the email, matching % and _ literally', async () => {
    const viewer = await makeUser('admin');
    const tag = nextTag('search');
    for (const local of ['mia', 'b_x', 'bxx', '100%', '1000']) {
      await makeUser('view', [], { email: `${tag}-${local}@x.test` });
    }
    const emails = async (search: string) =>
      (await listUsers(db(), { viewer, search })).rows.map((row) => row.email);

    expect(await emails(tag)).toHaveLength(5);
    expect(await emails(`  ${tag.toUpperCase()}-MIA@X `)).toEqual([`${tag}-mia@x.test`]);
    expect(await emails('-MIA@X.TEST')).toEqual([`${tag}-mia@x.test`]);
    expect(await emails(`${tag}-b_x`)).toEqual([`${tag}-b_x@x.test`]);
    expect(await emails(`${tag}-100%`)).toEqual([`${tag}-100%@x.test`]);
    expect(await emails(`${tag}-%`)).toEqual([]);
    expect(await emails(`${tag}-nobody`)).toEqual([]);
  });

  it("shows a pending user's open invitation expiry, and none for other users", async () => {
    const viewer = await makeUser('admin');
    const tag = nextTag('expiry');
    const first = await invite(viewer, { type: 'host', role: 'view' }, `${tag}-pending@x.test`);
    const again = await regenerateInvitation(db(), {
      actor: viewer,
      auditActor: testSetupActor,
      userId: first.userId,
    });
    if (!again.ok) throw new Error(again.reason);
    // The replaced link is made to look newer and longer-lived: only its mark must rule it out.
    await db()
      .update(invitations)
      .set({ createdAt: new Date(Date.now() + 60_000), expiresAt: new Date(Date.now() + 864e6) })
      .where(and(eq(invitations.userId, first.userId), isNotNull(invitations.replacedAt)));
    const accepted = await invite(viewer, { type: 'host', role: 'view' }, `${tag}-active@x.test`);
    await acceptInvitation(db(), { actor: testSetupActor, token: accepted.token, password });
    // Deactivated while pending: the link is still unused, but it no longer lets anyone in.
    const stopped = await invite(viewer, { type: 'host', role: 'view' }, `${tag}-stopped@x.test`);
    await db().update(users).set({ status: 'deactivated' }).where(eq(users.id, stopped.userId));

    const { rows } = await listUsers(db(), { viewer, search: tag });
    expect(
      rows.map(({ email, status, invitationExpiresAt }) => ({
        email,
        status,
        invitationExpiresAt,
      })),
    ).toEqual([
      { email: `${tag}-active@x.test`, status: 'active', invitationExpiresAt: null },
      { email: `${tag}-pending@x.test`, status: 'pending', invitationExpiresAt: again.expiresAt },
      { email: `${tag}-stopped@x.test`, status: 'deactivated', invitationExpiresAt: null },
    ]);
  });

  it('leaves out users of unmanaged accounts and shows only the accounts the viewer reaches', async () => {
    const viewer = await makeUser('admin');
    const tag = nextTag('reach');
    const managed = await makeAccount({ managed: true, name: `${tag} Managed` });
    const unmanaged = await makeAccount({ managed: false, name: `${tag} Unmanaged` });
    const delegated = await makeAccount({
      managed: false,
      delegatedUserManagement: true,
      name: `${tag} Delegated`,
    });
    await makeUser(null, [[unmanaged, 'admin']], { email: `${tag}-hidden@x.test` });
    const both = await makeUser(
      null,
      [
        [managed, 'standard'],
        [unmanaged, 'view'],
      ],
      { email: `${tag}-both@x.test` },
    );
    const delegatedUser = await makeUser(null, [[delegated, 'view']], {
      email: `${tag}-delegated@x.test`,
    });

    const { rows } = await listUsers(db(), { viewer, search: tag });
    expect(
      rows.map(({ id, accounts: held, otherAccounts, manageable }) => ({
        id,
        held,
        otherAccounts,
        manageable,
      })),
    ).toEqual([
      {
        id: both.id,
        held: [
          {
            id: managed,
            name: `${tag} Managed`,
            role: 'standard',
            grantable: ['admin', 'standard', 'view'],
          },
        ],
        otherAccounts: 1,
        // Managing them would touch the unmanaged account too.
        manageable: false,
      },
      {
        id: delegatedUser.id,
        held: [
          {
            id: delegated,
            name: `${tag} Delegated`,
            role: 'view',
            grantable: ['admin', 'standard', 'view'],
          },
        ],
        otherAccounts: 0,
        manageable: true,
      },
    ]);
  });

  it("marks the viewer's own row and host users a host standard may not manage", async () => {
    const tag = nextTag('manage');
    const managed = await makeAccount({ managed: true });
    const admin = await makeUser('admin', [], { email: `${tag}-admin@x.test` });
    const standard = await makeUser('standard', [], { email: `${tag}-standard@x.test` });
    await makeUser('view', [], { email: `${tag}-view@x.test` });
    await makeUser(null, [[managed, 'view']], { email: `${tag}-member@x.test` });

    const seenBy = async (viewer: SessionUser) =>
      (await listUsers(db(), { viewer, search: tag })).rows.map((row) => ({
        email: row.email.split('@')[0]!.slice(tag.length + 1),
        manageable: row.manageable,
        isViewer: row.isViewer,
      }));
    expect(await seenBy(admin)).toEqual([
      { email: 'admin', manageable: false, isViewer: true },
      { email: 'member', manageable: true, isViewer: false },
      { email: 'standard', manageable: true, isViewer: false },
      { email: 'view', manageable: true, isViewer: false },
    ]);
    expect(await seenBy(standard)).toEqual([
      { email: 'admin', manageable: false, isViewer: false },
      { email: 'member', manageable: false, isViewer: false },
      { email: 'standard', manageable: false, isViewer: true },
      { email: 'view', manageable: false, isViewer: false },
    ]);
  });

  it('fills the page with users the viewer may see, however many hidden ones come first', async () => {
    const viewer = await makeUser('admin');
    const tag = nextTag('hidden-first');
    const unmanaged = await makeAccount({ managed: false });
    // Earlier by email than every visible user, and more of them than the limit.
    for (const local of ['a', 'b', 'c']) {
      await makeUser(null, [[unmanaged, 'view']], { email: `${tag}-${local}@x.test` });
    }
    for (const local of ['x', 'y', 'z']) {
      await makeUser('view', [], { email: `${tag}-${local}@x.test` });
    }
    const two = await listUsers(db(), { viewer, search: tag, size: 2 });
    expect(two.rows.map((row) => row.email)).toEqual([`${tag}-x@x.test`, `${tag}-y@x.test`]);
    expect(two.next).not.toBeNull();
    const three = await listUsers(db(), { viewer, search: tag, size: 3 });
    expect(three.rows.map((row) => row.email)).toEqual(
      ['x', 'y', 'z'].map((local) => `${tag}-${local}@x.test`),
    );
    expect(three.next).toBeNull();
  });

  it('stops at the limit and says another page follows', async () => {
    const viewer = await makeUser('admin');
    const tag = nextTag('limit');
    for (const local of ['a', 'b', 'c']) {
      await makeUser('view', [], { email: `${tag}-${local}@x.test` });
    }
    const two = await listUsers(db(), { viewer, search: tag, size: 2 });
    expect(two.next).not.toBeNull();
    expect(two.rows.map((row) => row.email)).toEqual([`${tag}-a@x.test`, `${tag}-b@x.test`]);
    const three = await listUsers(db(), { viewer, search: tag, size: 3 });
    expect(three.next).toBeNull();
    expect(three.rows).toHaveLength(3);
  });
});

describe('changeUserRole', () => {
  it('lets a host admin change a host standard user to view', async () => {
    const admin = await makeUser('admin');
    const target = await makeUser('standard');
    expect(
      await changeUserRole(db(), {
        actor: admin,
        auditActor: testSetupActor,
        userId: target.id,
        change: { type: 'host', role: 'view' },
      }),
    ).toEqual({ ok: true, email: target.email });
    expect(await readUser(target.id)).toMatchObject({ hostRole: 'view', status: 'active' });
  });

  it('refuses a host standard actor and changes nothing', async () => {
    const actor = await makeUser('standard');
    const hostUser = await makeUser('view');
    const managed = await makeAccount({ managed: true });
    const member = await makeUser(null, [[managed, 'view']]);
    const before = await snapshot();
    expect(
      await changeUserRole(db(), {
        actor,
        auditActor: testSetupActor,
        userId: hostUser.id,
        change: { type: 'host', role: 'standard' },
      }),
    ).toEqual({ ok: false, reason: 'forbidden' });
    expect(
      await changeUserRole(db(), {
        actor,
        auditActor: testSetupActor,
        userId: member.id,
        change: { type: 'individual', accounts: [{ accountId: managed, role: 'standard' }] },
      }),
    ).toEqual({ ok: false, reason: 'forbidden' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to demote the only active host admin', async () => {
    const actor = await makeUser('admin');
    const target = await makeUser('admin');
    // An active admin actor is a second active admin, so the invariant can only bite when the
    // actor is no longer active: a request whose session was read just before the actor was
    // deactivated. SessionUser is not re-read here, so the actor's row is deactivated instead.
    await leaveActiveAdmins(target.id);
    const before = await snapshot();
    expect(
      await changeUserRole(db(), {
        actor,
        auditActor: testSetupActor,
        userId: target.id,
        change: { type: 'host', role: 'standard' },
      }),
    ).toEqual({ ok: false, reason: 'lastHostAdmin' });
    expect(await snapshot()).toEqual(before);

    // With a second active admin the same demotion goes through.
    await leaveActiveAdmins(actor.id, target.id);
    expect(
      await changeUserRole(db(), {
        actor,
        auditActor: testSetupActor,
        userId: target.id,
        change: { type: 'host', role: 'standard' },
      }),
    ).toEqual({ ok: true, email: target.email });
    expect(await readUser(target.id)).toMatchObject({ hostRole: 'standard' });
    expect(await activeAdminIds()).toEqual([actor.id]);
  });

  it('refuses a change to oneself', async () => {
    const admin = await makeUser('admin');
    const before = await snapshot();
    expect(
      await changeUserRole(db(), {
        actor: admin,
        auditActor: testSetupActor,
        userId: admin.id,
        change: { type: 'host', role: 'view' },
      }),
    ).toEqual({ ok: false, reason: 'self' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a change of the other kind than the user holds', async () => {
    const admin = await makeUser('admin');
    const managed = await makeAccount({ managed: true });
    const member = await makeUser(null, [[managed, 'view']]);
    const hostUser = await makeUser('view');
    const before = await snapshot();
    expect(
      await changeUserRole(db(), {
        actor: admin,
        auditActor: testSetupActor,
        userId: member.id,
        change: { type: 'host', role: 'view' },
      }),
    ).toEqual({ ok: false, reason: 'invalid' });
    expect(
      await changeUserRole(db(), {
        actor: admin,
        auditActor: testSetupActor,
        userId: hostUser.id,
        change: { type: 'individual', accounts: [{ accountId: managed, role: 'view' }] },
      }),
    ).toEqual({ ok: false, reason: 'invalid' });
    expect(await snapshot()).toEqual(before);
  });

  it("changes an individual user's role in a managed account", async () => {
    const admin = await makeUser('admin');
    const first = await makeAccount({ managed: true });
    const second = await makeAccount({ managed: true });
    const member = await makeUser(null, [
      [first, 'view'],
      [second, 'view'],
    ]);
    expect(
      await changeUserRole(db(), {
        actor: admin,
        auditActor: testSetupActor,
        userId: member.id,
        change: {
          type: 'individual',
          accounts: [
            { accountId: second, role: 'view' },
            { accountId: first, role: 'standard' },
          ],
        },
      }),
    ).toEqual({ ok: true, email: member.email });
    expect(await rolesOf(member.id)).toEqual(
      [
        { accountId: first, role: 'standard' },
        { accountId: second, role: 'view' },
      ].sort((a, b) => a.accountId.localeCompare(b.accountId)),
    );
  });

  it("refuses to demote an account's only admin, naming the account", async () => {
    const admin = await makeUser('admin');
    const name = nextName('Gärtnerei Blau');
    const account = await makeAccount({ managed: true, name });
    const accountAdmin = await makeUser(null, [[account, 'admin']]);
    // A deactivated co-admin does not keep the account administered.
    await makeUser(null, [[account, 'admin']], { status: 'deactivated' });
    const demote = () =>
      changeUserRole(db(), {
        actor: admin,
        auditActor: testSetupActor,
        userId: accountAdmin.id,
        change: { type: 'individual', accounts: [{ accountId: account, role: 'standard' }] },
      });
    const before = await snapshot();
    expect(await demote()).toEqual({ ok: false, reason: 'lastAccountAdmin', accounts: [name] });
    expect(await snapshot()).toEqual(before);

    await makeUser(null, [[account, 'admin']]);
    expect(await demote()).toEqual({ ok: true, email: accountAdmin.email });
    expect(await rolesOf(accountAdmin.id)).toEqual([{ accountId: account, role: 'standard' }]);
  });

  it('refuses a request for another set of accounts than the user holds', async () => {
    const admin = await makeUser('admin');
    const first = await makeAccount({ managed: true });
    const second = await makeAccount({ managed: true });
    const third = await makeAccount({ managed: true });
    const member = await makeUser(null, [
      [first, 'view'],
      [second, 'view'],
    ]);
    const before = await snapshot();
    for (const ids of [
      [first],
      [first, third],
      [first, second, third],
      [first, first],
      [first, second, first],
    ]) {
      expect(
        await changeUserRole(db(), {
          actor: admin,
          auditActor: testSetupActor,
          userId: member.id,
          change: {
            type: 'individual',
            accounts: ids.map((accountId) => ({ accountId, role: 'standard' as const })),
          },
        }),
      ).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('setUserStatus', () => {
  it('deactivates a host standard user: sessions end, waiting emails are cancelled', async () => {
    const admin = await makeUser('admin');
    const target = await signedUpWithQueuedEmail(admin, { type: 'host', role: 'standard' });
    const bystander = await signedUpWithQueuedEmail(admin, { type: 'host', role: 'view' });
    await createSession(db(), { userId: target.userId, proof: 'password' });
    await createSession(db(), { userId: target.userId, proof: 'password' });
    await createSession(db(), { userId: bystander.userId, proof: 'password' });
    const [sent] = await db()
      .insert(outbox)
      .values({
        recipient: target.email,
        recipientUserId: target.userId,
        kind: 'password-reset',
        language: 'en',
        status: 'sent',
      })
      .returning({ id: outbox.id });
    const [queued] = await emailsTo(target.userId);
    expect(queued).toMatchObject({ id: target.emailId, status: 'queued' });
    expect(queued!.payload).not.toBeNull();

    expect(
      await setUserStatus(db(), {
        actor: admin,
        auditActor: testSetupActor,
        userId: target.userId,
        active: false,
      }),
    ).toEqual({ ok: true, email: target.email });
    expect(await readUser(target.userId)).toMatchObject({ status: 'deactivated' });
    expect(await db().select().from(sessions).where(eq(sessions.userId, target.userId))).toEqual(
      [],
    );
    expect(await emailsTo(target.userId)).toEqual([
      { id: target.emailId, status: 'cancelled', payload: null },
      { id: sent!.id, status: 'sent', payload: null },
    ]);
    // Nobody else is touched.
    expect(
      await db().select().from(sessions).where(eq(sessions.userId, bystander.userId)),
    ).toHaveLength(1);
    expect(await emailsTo(bystander.userId)).toMatchObject([{ status: 'queued' }]);

    expect(
      await setUserStatus(db(), {
        actor: admin,
        auditActor: testSetupActor,
        userId: target.userId,
        active: true,
      }),
    ).toEqual({ ok: true, email: target.email });
    expect(await readUser(target.userId)).toMatchObject({ status: 'active' });
  });

  it('returns a pending user deactivated and reactivated to pending', async () => {
    const admin = await makeUser('admin');
    const { userId, token, email } = await invite(admin, { type: 'host', role: 'view' });

    expect(
      await setUserStatus(db(), {
        actor: admin,
        auditActor: testSetupActor,
        userId,
        active: false,
      }),
    ).toEqual({
      ok: true,
      email,
    });
    expect(await readUser(userId)).toEqual({
      status: 'deactivated',
      hostRole: 'view',
      passwordHash: null,
    });
    expect(await readInvitation(db(), { token })).toEqual({ state: 'deactivated' });

    expect(
      await setUserStatus(db(), { actor: admin, auditActor: testSetupActor, userId, active: true }),
    ).toEqual({
      ok: true,
      email,
    });
    expect(await readUser(userId)).toEqual({
      status: 'pending',
      hostRole: 'view',
      passwordHash: null,
    });
    // The link the admin stopped stays dead; a new one lets them in.
    expect(await readInvitation(db(), { token })).toEqual({ state: 'replaced' });
  });

  it('refuses to deactivate the last active host admin', async () => {
    const actor = await makeUser('admin');
    const target = await makeUser('admin');
    // As for changeUserRole: only an actor no longer active leaves the target the last one.
    await leaveActiveAdmins(target.id);
    const before = await snapshot();
    expect(
      await setUserStatus(db(), {
        actor,
        auditActor: testSetupActor,
        userId: target.id,
        active: false,
      }),
    ).toEqual({
      ok: false,
      reason: 'lastHostAdmin',
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to deactivate an account's only admin", async () => {
    const admin = await makeUser('admin');
    const name = nextName('Konditorei Weiss');
    const account = await makeAccount({ managed: true, name });
    const accountAdmin = await makeUser(null, [[account, 'admin']]);
    const before = await snapshot();
    expect(
      await setUserStatus(db(), {
        actor: admin,
        auditActor: testSetupActor,
        userId: accountAdmin.id,
        active: false,
      }),
    ).toEqual({ ok: false, reason: 'lastAccountAdmin', accounts: [name] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a change to oneself', async () => {
    const admin = await makeUser('admin');
    const before = await snapshot();
    expect(
      await setUserStatus(db(), {
        actor: admin,
        auditActor: testSetupActor,
        userId: admin.id,
        active: false,
      }),
    ).toEqual({
      ok: false,
      reason: 'self',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses actors who may not manage the user', async () => {
    const managed = await makeAccount({ managed: true });
    const hostUser = await makeUser('view');
    const member = await makeUser(null, [[managed, 'view']]);
    const actors = [
      await makeUser('standard'),
      await makeUser('view'),
      await makeUser(null, [[managed, 'standard']]),
    ];
    const before = await snapshot();
    for (const actor of actors) {
      for (const userId of [hostUser.id, member.id]) {
        expect(
          await setUserStatus(db(), { actor, auditActor: testSetupActor, userId, active: false }),
        ).toEqual({
          ok: false,
          reason: 'forbidden',
        });
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('revokeUser', () => {
  it('removes the user with their links, sessions and roles, and cancels waiting emails', async () => {
    const admin = await makeUser('admin');
    const managed = await makeAccount({ managed: true });
    const target = await signedUpWithQueuedEmail(admin, {
      type: 'individual',
      accounts: [{ accountId: managed, role: 'standard' }],
    });
    await createSession(db(), { userId: target.userId, proof: 'password' });
    expect(await rolesOf(target.userId)).toHaveLength(1);

    expect(
      await revokeUser(db(), { actor: admin, auditActor: testSetupActor, userId: target.userId }),
    ).toEqual({
      ok: true,
      email: target.email,
    });
    expect(await readUser(target.userId)).toBeUndefined();
    expect(await rolesOf(target.userId)).toEqual([]);
    expect(
      await db().select().from(invitations).where(eq(invitations.userId, target.userId)),
    ).toEqual([]);
    expect(await db().select().from(sessions).where(eq(sessions.userId, target.userId))).toEqual(
      [],
    );
    const [email] = await db()
      .select({
        status: outbox.status,
        payload: outbox.payloadEncrypted,
        recipientUserId: outbox.recipientUserId,
      })
      .from(outbox)
      .where(eq(outbox.id, target.emailId!));
    expect(email).toEqual({ status: 'cancelled', payload: null, recipientUserId: null });
  });

  it('lets a host admin, and only a host admin, revoke a user left with no role at all', async () => {
    const admin = await makeUser('admin');
    const standard = await makeUser('standard');
    const roleless = await makeUser(null, [], { status: 'deactivated' });
    const before = await snapshot();
    expect(
      await revokeUser(db(), { actor: standard, auditActor: testSetupActor, userId: roleless.id }),
    ).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(await snapshot()).toEqual(before);
    expect(
      await revokeUser(db(), { actor: admin, auditActor: testSetupActor, userId: roleless.id }),
    ).toEqual({
      ok: true,
      email: roleless.email,
    });
    expect(await readUser(roleless.id)).toBeUndefined();
  });

  it('refuses to revoke oneself', async () => {
    const admin = await makeUser('admin');
    const before = await snapshot();
    expect(
      await revokeUser(db(), { actor: admin, auditActor: testSetupActor, userId: admin.id }),
    ).toEqual({
      ok: false,
      reason: 'self',
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to revoke an account's only admin", async () => {
    const admin = await makeUser('admin');
    const name = nextName('Fleischerei Roth');
    const account = await makeAccount({ managed: true, name });
    const accountAdmin = await makeUser(null, [[account, 'admin']]);
    const before = await snapshot();
    expect(
      await revokeUser(db(), { actor: admin, auditActor: testSetupActor, userId: accountAdmin.id }),
    ).toEqual({
      ok: false,
      reason: 'lastAccountAdmin',
      accounts: [name],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('lets the same email be invited again afterwards', async () => {
    const admin = await makeUser('admin');
    const first = await invite(admin, { type: 'host', role: 'standard' });
    expect(
      await revokeUser(db(), { actor: admin, auditActor: testSetupActor, userId: first.userId }),
    ).toMatchObject({
      ok: true,
    });
    const again = await invite(admin, { type: 'host', role: 'view' }, first.email);
    expect(again.userId).not.toBe(first.userId);
    expect(await readUser(again.userId)).toMatchObject({ status: 'pending', hostRole: 'view' });
    expect(await readInvitation(db(), { token: first.token })).toEqual({ state: 'unknown' });
  });
});

describe('concurrent changes', () => {
  it('lets only one of two host admins deactivating each other win', async () => {
    // The harness pool has several connections, so both transactions really run at once;
    // a few rounds make an interleaving that would slip past row locks alone likely.
    for (let round = 0; round < 5; round++) {
      const a = await makeUser('admin');
      const b = await makeUser('admin');
      await leaveActiveAdmins(a.id, b.id);
      const results = await Promise.all([
        setUserStatus(db(), { actor: a, auditActor: testSetupActor, userId: b.id, active: false }),
        setUserStatus(db(), { actor: b, auditActor: testSetupActor, userId: a.id, active: false }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual([
        { ok: false, reason: 'lastHostAdmin' },
      ]);
      expect(await activeAdminIds()).toEqual([results[0]!.ok ? a.id : b.id]);
    }
  });
});
