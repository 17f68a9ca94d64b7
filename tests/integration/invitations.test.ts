import { count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountMemberships, invitations, outbox, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/read-session';
import { signIn } from '@/lib/sign-in/sign-in';
import { hashToken } from '@/lib/crypto/tokens';
import { acceptInvitation } from '@/lib/invitations/accept-invitation';
import { inviteUser } from '@/lib/invitations/invite-user';
import { readInvitation } from '@/lib/invitations/read-invitation';
import { regenerateInvitation } from '@/lib/users/regenerate-invitation';
import { testSetupActor } from '../support/audit-actors';
import { directoryFixtures } from '../support/directory-fixtures';
import { withTestDatabase } from '../support/with-test-database';
import { setUnreachableSmtp } from '../support/test-smtp-settings';
import type { Locale } from '@/lib/i18n/locales';

const database = withTestDatabase('invitations');
const db = () => database().handle.db;
const password = 'lantern orbit meadow 42';
const { nextEmail, makeUser, makeAccount } = directoryFixtures(db);

beforeAll(() => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
});
beforeEach(async () => {
  await setSmtp(false);
});

const setSmtp = (enabled: boolean) => setUnreachableSmtp(db(), enabled);

async function counts() {
  const [u] = await db().select({ n: count() }).from(users);
  const [m] = await db().select({ n: count() }).from(accountMemberships);
  const [i] = await db().select({ n: count() }).from(invitations);
  const [o] = await db().select({ n: count() }).from(outbox);
  return { users: u!.n, memberships: m!.n, invitations: i!.n, outbox: o!.n };
}

const tokenOf = (link: string) => link.split('/invite/')[1]!;

async function inviteHostUser(inviter: SessionUser, language: Locale = 'en') {
  const email = nextEmail('invitee');
  const result = await inviteUser(db(), {
    auditActor: testSetupActor,
    inviter,
    email,
    request: { type: 'host', role: 'standard' },
    language,
  });
  if (!result.ok) throw new Error(`invite refused: ${result.reason}`);
  return { ...result, email, token: tokenOf(result.link) };
}

describe('inviteUser', () => {
  it('with SMTP off: creates a pending user and returns the link, storing only its hash', async () => {
    const admin = await makeUser('admin');
    const before = await counts();
    const { userId, link, token, email, expiresAt, emailId } = await inviteHostUser(admin);

    expect(emailId).toBeNull();
    expect(link).toMatch(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(await counts()).toEqual({
      ...before,
      users: before.users + 1,
      invitations: before.invitations + 1,
    });
    const [user] = await db()
      .select({ status: users.status, hostRole: users.hostRole, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, userId));
    expect(user).toEqual({ status: 'pending', hostRole: 'standard', passwordHash: null });

    const stored = await db().select().from(invitations).where(eq(invitations.userId, userId));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashToken(token));
    expect(stored[0]!.createdBy).toBe(admin.id);
    expect(JSON.stringify(stored)).not.toContain(token);
    // 72 hours by default (Host settings).
    expect(Math.abs(expiresAt.getTime() - Date.now() - 72 * 3_600_000)).toBeLessThan(60_000);
    expect(await readInvitation(db(), { token })).toEqual({
      state: 'valid',
      email,
      expiresAt: stored[0]!.expiresAt,
    });
  });

  it('with SMTP on: queues the invitation email in the invitee language', async () => {
    await setSmtp(true);
    const admin = await makeUser('admin');
    const { userId, emailId, email, token } = await inviteHostUser(admin, 'de');
    expect(emailId).not.toBeNull();
    const [row] = await db().select().from(outbox).where(eq(outbox.id, emailId!));
    expect(row).toMatchObject({
      recipient: email,
      recipientUserId: userId,
      kind: 'invitation',
      language: 'de',
      status: 'queued',
      supersedeKey: `invitation:${userId}`,
    });
    // The payload is sealed: the live link is not readable in the table.
    expect(row!.payloadEncrypted).not.toContain(token);
  });

  it('refuses a duplicate email and creates nothing', async () => {
    const admin = await makeUser('admin');
    const { email } = await inviteHostUser(admin);
    const before = await counts();
    const again = await inviteUser(db(), {
      auditActor: testSetupActor,
      inviter: admin,
      email: email.toUpperCase(),
      request: { type: 'host', role: 'view' },
      language: 'en',
    });
    expect(again).toEqual({ ok: false, reason: 'alreadyUser' });
    expect(await counts()).toEqual(before);
  });

  it('handles two invites for the same email racing: one wins, nothing else is created', async () => {
    const admin = await makeUser('admin');
    const email = nextEmail('race');
    const before = await counts();
    const invite = () =>
      inviteUser(db(), {
        auditActor: testSetupActor,
        inviter: admin,
        email,
        request: { type: 'host', role: 'view' },
        language: 'en',
      });
    const results = await Promise.all([invite(), invite(), invite()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'alreadyUser' },
      { ok: false, reason: 'alreadyUser' },
    ]);
    expect(await counts()).toEqual({
      ...before,
      users: before.users + 1,
      invitations: before.invitations + 1,
    });
  });

  it.each(['standard', 'view'] as const)(
    'refuses a host %s user and creates nothing',
    async (role) => {
      await setSmtp(true);
      const inviter = await makeUser(role);
      const managed = await makeAccount({ managed: true });
      const before = await counts();
      for (const request of [
        { type: 'host', role: 'view' },
        { type: 'individual', accounts: [{ accountId: managed, role: 'view' }] },
      ] as const) {
        expect(
          await inviteUser(db(), {
            auditActor: testSetupActor,
            inviter,
            email: nextEmail('nope'),
            request,
            language: 'en',
          }),
        ).toEqual({ ok: false, reason: 'forbidden' });
      }
      expect(await counts()).toEqual(before);
    },
  );

  it('lets an account admin invite into their own account only', async () => {
    const own = await makeAccount({ managed: false, name: 'Bäckerei Sonnenschein' });
    const other = await makeAccount({ managed: false });
    const accountAdmin = await makeUser(null, [[own, 'admin']]);

    const allowed = await inviteUser(db(), {
      auditActor: testSetupActor,
      inviter: accountAdmin,
      email: nextEmail('member'),
      request: { type: 'individual', accounts: [{ accountId: own, role: 'standard' }] },
      language: 'en',
    });
    expect(allowed).toMatchObject({ ok: true });
    const memberships = await db()
      .select({ accountId: accountMemberships.accountId, role: accountMemberships.role })
      .from(accountMemberships)
      .where(eq(accountMemberships.userId, allowed.ok ? allowed.userId : ''));
    expect(memberships).toEqual([{ accountId: own, role: 'standard' }]);

    const before = await counts();
    for (const request of [
      { type: 'individual', accounts: [{ accountId: other, role: 'view' }] },
      {
        type: 'individual',
        accounts: [
          { accountId: own, role: 'view' },
          { accountId: other, role: 'view' },
        ],
      },
      { type: 'host', role: 'view' },
    ] as const) {
      expect(
        await inviteUser(db(), {
          auditActor: testSetupActor,
          inviter: accountAdmin,
          email: nextEmail('no'),
          request,
          language: 'en',
        }),
      ).toEqual({ ok: false, reason: 'forbidden' });
    }
    expect(await counts()).toEqual(before);
  });

  it("gives an account admin one answer for other tenants' users and for an address nobody may have", async () => {
    const own = await makeAccount({ managed: false });
    const other = await makeAccount({ managed: false });
    const accountAdmin = await makeUser(null, [[own, 'admin']]);
    const hostUser = await makeUser('view');
    const otherTenant = await makeUser(null, [[other, 'standard']]);
    const member = await makeUser(null, [[own, 'view']]);
    const before = await counts();
    const invite = (email: string) =>
      inviteUser(db(), {
        auditActor: testSetupActor,
        inviter: accountAdmin,
        email,
        request: { type: 'individual', accounts: [{ accountId: own, role: 'standard' }] },
        language: 'en',
      });

    // The instance's own sender address (no user has it) is refused for that reason alone,
    // so the same answer for a taken address does not prove that someone holds it.
    const refused = await invite('noreply@nordlicht.test');
    expect(refused).toEqual({ ok: false, reason: 'notInvitable' });
    expect(await invite(hostUser.email)).toEqual(refused);
    expect(await invite(otherTenant.email.toUpperCase())).toEqual(refused);
    // Someone this admin sees in their own account's list is named as such.
    expect(await invite(member.email)).toEqual({ ok: false, reason: 'alreadyUser' });

    expect(await counts()).toEqual(before);
    for (const email of [hostUser.email, otherTenant.email]) {
      const rows = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
      expect(rows).toHaveLength(1);
    }
    expect(
      await db().select().from(users).where(eq(users.email, 'noreply@nordlicht.test')),
    ).toEqual([]);
  });

  it('lets a host admin invite into managed accounts but not unmanaged ones', async () => {
    const admin = await makeUser('admin');
    const managed = await makeAccount({ managed: true });
    const unmanaged = await makeAccount({ managed: false });
    const invite = (accountId: string) =>
      inviteUser(db(), {
        auditActor: testSetupActor,
        inviter: admin,
        email: nextEmail('ind'),
        request: { type: 'individual', accounts: [{ accountId, role: 'admin' }] },
        language: 'en',
      });
    expect(await invite(managed)).toMatchObject({ ok: true });
    expect(await invite(unmanaged)).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('lets an account standard or view user invite nobody', async () => {
    const account = await makeAccount({ managed: false });
    for (const role of ['standard', 'view'] as const) {
      const member = await makeUser(null, [[account, role]]);
      expect(
        await inviteUser(db(), {
          auditActor: testSetupActor,
          inviter: member,
          email: nextEmail('no'),
          request: { type: 'individual', accounts: [{ accountId: account, role: 'view' }] },
          language: 'en',
        }),
      ).toEqual({ ok: false, reason: 'forbidden' });
    }
  });
});

describe('regenerateInvitation', () => {
  it('kills the old link, makes a new one and cancels the older queued email', async () => {
    await setSmtp(true);
    const admin = await makeUser('admin');
    const first = await inviteHostUser(admin);

    const again = await regenerateInvitation(db(), {
      actor: admin,
      auditActor: testSetupActor,
      userId: first.userId,
    });
    if (!again.ok) throw new Error(again.reason);
    const newToken = tokenOf(again.link);
    expect(newToken).not.toBe(first.token);
    expect(await readInvitation(db(), { token: first.token })).toEqual({ state: 'replaced' });
    expect(await readInvitation(db(), { token: newToken })).toMatchObject({
      state: 'valid',
      email: first.email,
    });

    const emails = await db()
      .select({ id: outbox.id, kind: outbox.kind, status: outbox.status })
      .from(outbox)
      .where(eq(outbox.recipientUserId, first.userId))
      .orderBy(outbox.createdAt);
    expect(emails).toEqual([
      { id: first.emailId, kind: 'invitation', status: 'cancelled' },
      { id: again.emailId, kind: 'invitation-regenerated', status: 'queued' },
    ]);
    expect(
      await acceptInvitation(db(), { actor: testSetupActor, token: first.token, password }),
    ).toEqual({
      ok: false,
      reason: 'replaced',
    });
  });

  it('refuses host standard and view users, and users who are not pending', async () => {
    const admin = await makeUser('admin');
    const { userId, token } = await inviteHostUser(admin);
    const before = await counts();
    for (const role of ['standard', 'view'] as const) {
      expect(
        await regenerateInvitation(db(), {
          actor: await makeUser(role),
          auditActor: testSetupActor,
          userId,
        }),
      ).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    }
    expect(await counts()).toEqual({ ...before, users: before.users + 2 });
    expect(await readInvitation(db(), { token })).toMatchObject({ state: 'valid' });

    expect(
      await regenerateInvitation(db(), {
        actor: admin,
        auditActor: testSetupActor,
        userId: admin.id,
      }),
    ).toEqual({
      ok: false,
      reason: 'notPending',
    });
  });

  it('lets an account admin regenerate for their own account users only', async () => {
    const own = await makeAccount({ managed: false });
    const other = await makeAccount({ managed: false });
    const ownAdmin = await makeUser(null, [[own, 'admin']]);
    const otherAdmin = await makeUser(null, [[other, 'admin']]);
    const invited = await inviteUser(db(), {
      auditActor: testSetupActor,
      inviter: ownAdmin,
      email: nextEmail('member'),
      request: { type: 'individual', accounts: [{ accountId: own, role: 'view' }] },
      language: 'en',
    });
    if (!invited.ok) throw new Error(invited.reason);
    expect(
      await regenerateInvitation(db(), {
        actor: otherAdmin,
        auditActor: testSetupActor,
        userId: invited.userId,
      }),
    ).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(
      await regenerateInvitation(db(), {
        actor: ownAdmin,
        auditActor: testSetupActor,
        userId: invited.userId,
      }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe('readInvitation and acceptInvitation', () => {
  it('accepts once: the user becomes active and can sign in; a second submit finds it used', async () => {
    const admin = await makeUser('admin');
    const { userId, token, email } = await inviteHostUser(admin);

    // Opening the page consumes nothing.
    await readInvitation(db(), { token });
    expect(await readInvitation(db(), { token })).toMatchObject({ state: 'valid' });

    expect(await acceptInvitation(db(), { actor: testSetupActor, token, password })).toEqual({
      ok: true,
      userId,
      email,
    });
    const [user] = await db()
      .select({ status: users.status })
      .from(users)
      .where(eq(users.id, userId));
    expect(user).toEqual({ status: 'active' });
    expect(await signIn(db(), { email, password, clientAddress: '203.0.113.9' })).toMatchObject({
      ok: true,
      userId,
    });

    expect(
      await acceptInvitation(db(), {
        actor: testSetupActor,
        token,
        password: 'another fine password 9',
      }),
    ).toEqual({
      ok: false,
      reason: 'used',
    });
    expect(await readInvitation(db(), { token })).toEqual({ state: 'used' });
  });

  it('lets only one of two concurrent submits through', async () => {
    const admin = await makeUser('admin');
    const { token } = await inviteHostUser(admin);
    const results = await Promise.all([
      acceptInvitation(db(), { actor: testSetupActor, token, password }),
      acceptInvitation(db(), { actor: testSetupActor, token, password }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'used' }]);
  });

  it('refuses a password that breaks the policy and leaves the link usable', async () => {
    const admin = await makeUser('admin');
    const { token, email } = await inviteHostUser(admin);
    expect(
      await acceptInvitation(db(), { actor: testSetupActor, token, password: 'short' }),
    ).toEqual({
      ok: false,
      reason: 'password',
      problem: 'tooShort',
    });
    expect(
      await acceptInvitation(db(), {
        actor: testSetupActor,
        token,
        password: `${email.split('@')[0]}-and-more`,
      }),
    ).toMatchObject({ ok: false, problem: 'containsEmail' });
    expect(await readInvitation(db(), { token })).toMatchObject({ state: 'valid' });
  });

  it('reports an expired link', async () => {
    const admin = await makeUser('admin');
    const { userId, token } = await inviteHostUser(admin);
    await db()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(invitations.userId, userId));
    expect(await readInvitation(db(), { token })).toEqual({ state: 'expired' });
    expect(await acceptInvitation(db(), { actor: testSetupActor, token, password })).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a user deactivated while pending', async () => {
    const admin = await makeUser('admin');
    const { userId, token } = await inviteHostUser(admin);
    await db().update(users).set({ status: 'deactivated' }).where(eq(users.id, userId));
    expect(await readInvitation(db(), { token })).toEqual({ state: 'deactivated' });
    expect(await acceptInvitation(db(), { actor: testSetupActor, token, password })).toEqual({
      ok: false,
      reason: 'deactivated',
    });
    const [user] = await db()
      .select({ status: users.status })
      .from(users)
      .where(eq(users.id, userId));
    expect(user).toEqual({ status: 'deactivated' });
  });

  it('treats tampered and truncated tokens as unknown', async () => {
    const admin = await makeUser('admin');
    const { token } = await inviteHostUser(admin);
    const flipped = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    for (const bad of [
      flipped,
      token.slice(0, -1),
      token + 'x',
      '',
      '../etc',
      'x'.repeat(10_000),
    ]) {
      expect(await readInvitation(db(), { token: bad })).toEqual({ state: 'unknown' });
      expect(await acceptInvitation(db(), { actor: testSetupActor, token: bad, password })).toEqual(
        {
          ok: false,
          reason: 'unknown',
        },
      );
    }
    expect(await readInvitation(db(), { token })).toMatchObject({ state: 'valid' });
  });
});
