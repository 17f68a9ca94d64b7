import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accounts, invitations, users } from '@/db/schema';
import { completeAccountSetup } from '@/lib/accounts/complete-account-setup';
import { createAccount } from '@/lib/accounts/create-account';
import { setDelegation } from '@/lib/accounts/set-delegation';
import type { SessionUser } from '@/lib/auth/read-session';
import { hashToken } from '@/lib/crypto/tokens';
import { acceptInvitation } from '@/lib/invitations/accept-invitation';
import { inviteUser } from '@/lib/invitations/invite-user';
import { readInvitation } from '@/lib/invitations/read-invitation';
import { openPayload } from '@/lib/outbox/outbox-payload';
import { testSetupActor } from '../support/audit-actors';
import { directoryFixtures } from '../support/directory-fixtures';
import { withTestDatabase } from '../support/with-test-database';
import { setUnreachableSmtp } from '../support/test-smtp-settings';
import type { Locale } from '@/lib/i18n/locales';

// Adding accounts and their setup: the first admin's invitation, Complete setup, acceptance.
// Rename, status, delete and the list are in account-lifecycle.test.ts; account roles in
// account-users.test.ts.

const database = withTestDatabase('accounts');
const db = () => database().handle.db;
const password = 'lantern orbit meadow 42';
const fixtures = directoryFixtures(db);
const { nextTag, nextEmail, nextName, makeUser, makeAccount } = fixtures;
const { readAccount, readUser, membersOf, rolesOf, emailsTo, snapshot } = fixtures;

beforeAll(() => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
});
beforeEach(async () => {
  await setSmtp(false);
});

const setSmtp = (enabled: boolean) => setUnreachableSmtp(db(), enabled);

/** The token is the invitation link's last path segment. */
const tokenOf = (link: string) => link.split('/').pop()!;

/** "Invite its administrator", which must succeed. */
async function createInvited(actor: SessionUser, language: Locale = 'en') {
  const name = nextName('Unmanaged');
  const email = nextEmail('first-admin');
  const result = await createAccount(db(), {
    auditActor: testSetupActor,
    actor,
    name,
    administrator: { type: 'invite', email, language },
  });
  if (!result.ok || !result.invitation)
    throw new Error(`createAccount refused: ${JSON.stringify(result)}`);
  const [admin] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  return {
    accountId: result.accountId,
    name,
    adminId: admin!.id,
    ...result.invitation,
    token: tokenOf(result.invitation.link),
  };
}

/** Every invitation link made for a user, oldest first. */
async function invitationsOf(userId: string) {
  return db()
    .select({
      tokenHash: invitations.tokenHash,
      usedAt: invitations.usedAt,
      replacedAt: invitations.replacedAt,
    })
    .from(invitations)
    .where(eq(invitations.userId, userId))
    .orderBy(asc(invitations.createdAt));
}

describe('createAccount', () => {
  it('makes a managed, active account whose creator is its admin', async () => {
    for (const role of ['admin', 'standard'] as const) {
      const actor = await makeUser(role);
      const name = nextName('Managed');
      const result = await createAccount(db(), {
        auditActor: testSetupActor,
        actor,
        name: `  ${name} `,
        administrator: { type: 'me' },
      });
      if (!result.ok) throw new Error(result.reason);
      expect(result.invitation).toBeNull();
      expect(await readAccount(result.accountId)).toEqual({
        name,
        status: 'active',
        managed: true,
        delegatedUserManagement: false,
      });
      expect(await membersOf(result.accountId)).toEqual([{ userId: actor.id, role: 'admin' }]);
    }
  });

  it('with an invited admin: an unmanaged account in setup, a pending admin and a link, no email with SMTP off', async () => {
    const actor = await makeUser('admin');
    const name = nextName('Invited');
    const local = nextTag('first-admin');
    const result = await createAccount(db(), {
      auditActor: testSetupActor,
      actor,
      name,
      administrator: {
        type: 'invite',
        email: `  ${local.toUpperCase()}@Example.TEST `,
        language: 'de',
      },
    });
    if (!result.ok) throw new Error(result.reason);
    const email = `${local}@example.test`;
    expect(result.invitation).toMatchObject({ email, emailId: null });
    expect(await readAccount(result.accountId)).toEqual({
      name,
      status: 'setup',
      managed: false,
      delegatedUserManagement: false,
    });
    const [admin] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    expect(await readUser(admin!.id)).toMatchObject({
      status: 'pending',
      hostRole: null,
      language: 'de',
    });
    expect(await membersOf(result.accountId)).toEqual([{ userId: admin!.id, role: 'admin' }]);
    // The creator holds no role in an account they do not administer.
    expect(await rolesOf(actor.id)).toEqual([]);
    const token = tokenOf(result.invitation!.link);
    expect(await invitationsOf(admin!.id)).toEqual([
      { tokenHash: hashToken(token), usedAt: null, replacedAt: null },
    ]);
    expect(await readInvitation(db(), { token })).toEqual({
      state: 'valid',
      email,
      expiresAt: result.invitation!.expiresAt,
    });
    expect(await emailsTo(admin!.id)).toEqual([]);
  });

  it('queues the invitation email with the returned link when SMTP is on', async () => {
    const actor = await makeUser('standard');
    await setSmtp(true);
    const created = await createInvited(actor, 'de');
    expect(created.emailId).toEqual(expect.any(String));
    const emails = await emailsTo(created.adminId);
    expect(emails).toMatchObject([
      {
        id: created.emailId,
        kind: 'invitation',
        recipient: created.email,
        language: 'de',
        status: 'queued',
      },
    ]);
    const content = openPayload(emails[0]!.payload!);
    expect(content.text).toContain(created.link);
    expect(content.html).toContain(created.link);
  });

  it('refuses host view and individual users and writes nothing', async () => {
    const account = await makeAccount();
    const actors = [
      await makeUser('view'),
      await makeUser(null, [[account, 'admin']]),
      await makeUser(null, [[account, 'standard']]),
    ];
    const before = await snapshot();
    for (const actor of actors) {
      for (const administrator of [
        { type: 'me' } as const,
        { type: 'invite', email: nextEmail('nobody'), language: 'en' } as const,
      ]) {
        expect(
          await createAccount(db(), {
            actor,
            auditActor: testSetupActor,
            name: nextName('Refused'),
            administrator,
          }),
        ).toEqual({ ok: false, reason: 'forbidden' });
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a name taken ignoring case and surrounding spaces, writing nothing', async () => {
    const actor = await makeUser('admin');
    const name = nextName('Acme Widgets');
    await makeAccount({ name });
    const before = await snapshot();
    const invitedEmail = nextEmail('dup-admin');
    for (const administrator of [
      { type: 'me' } as const,
      { type: 'invite', email: invitedEmail, language: 'en' } as const,
    ]) {
      expect(
        await createAccount(db(), {
          actor,
          auditActor: testSetupActor,
          name: `  ${name.toUpperCase()}  `,
          administrator,
        }),
      ).toEqual({ ok: false, reason: 'duplicateName' });
    }
    expect(await snapshot()).toEqual(before);
    expect(await db().select().from(users).where(eq(users.email, invitedEmail))).toEqual([]);
  });

  it('refuses an administrator address that is already a user and leaves no account behind', async () => {
    const actor = await makeUser('admin');
    const existing = await makeUser(null);
    const name = nextName('Taken Address');
    const before = await snapshot();
    expect(
      await createAccount(db(), {
        auditActor: testSetupActor,
        actor,
        name,
        administrator: { type: 'invite', email: existing.email.toUpperCase(), language: 'en' },
      }),
    ).toEqual({ ok: false, reason: 'alreadyUser' });
    expect(await snapshot()).toEqual(before);
    expect(await db().select().from(accounts).where(eq(accounts.name, name))).toEqual([]);
  });

  it('lets only one of two concurrent requests have a name or an address, leaving no account behind', async () => {
    const actor = await makeUser('admin');
    // The harness pool has several connections, so the transactions really overlap.
    for (let round = 0; round < 3; round++) {
      const name = nextName('Race');
      const byName = await Promise.all([
        createAccount(db(), {
          actor,
          auditActor: testSetupActor,
          name,
          administrator: { type: 'me' },
        }),
        createAccount(db(), {
          auditActor: testSetupActor,
          actor,
          name: ` ${name.toLowerCase()} `,
          administrator: { type: 'invite', email: nextEmail('race'), language: 'en' },
        }),
      ]);
      expect(byName.filter((result) => result.ok)).toHaveLength(1);
      expect(byName.filter((result) => !result.ok)).toEqual([
        { ok: false, reason: 'duplicateName' },
      ]);
      const [sameName] = await db()
        .select({ n: count() })
        .from(accounts)
        .where(sql`lower(${accounts.name}) = lower(${name})`);
      expect(sameName!.n).toBe(1);

      const email = nextEmail('race-admin');
      const names = [nextName('Race A'), nextName('Race B')];
      const byEmail = await Promise.all(
        names.map((accountName, index) =>
          createAccount(db(), {
            auditActor: testSetupActor,
            actor,
            name: accountName,
            administrator: {
              type: 'invite',
              email: index === 0 ? email : email.toUpperCase(),
              language: 'en',
            },
          }),
        ),
      );
      expect(byEmail.filter((result) => !result.ok)).toEqual([
        { ok: false, reason: 'alreadyUser' },
      ]);
      const winner = byEmail.find((result) => result.ok);
      const made = await db()
        .select({ id: accounts.id })
        .from(accounts)
        .where(inArray(accounts.name, names));
      expect(made).toEqual([{ id: winner!.ok ? winner!.accountId : '' }]);
      const [admin] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
      expect(await rolesOf(admin!.id)).toEqual([{ accountId: made[0]!.id, role: 'admin' }]);
    }
  });
});

describe('accepting the first admin invitation', () => {
  it('turns the account active', async () => {
    const actor = await makeUser('admin');
    const created = await createInvited(actor);
    expect(
      await acceptInvitation(db(), { actor: testSetupActor, token: created.token, password }),
    ).toEqual({
      ok: true,
      userId: created.adminId,
      email: created.email,
    });
    expect(await readAccount(created.accountId)).toMatchObject({ status: 'active' });
    expect(await readUser(created.adminId)).toMatchObject({ status: 'active' });
    expect(await membersOf(created.accountId)).toEqual([
      { userId: created.adminId, role: 'admin' },
    ]);
  });

  it('leaves an account in setup when someone else accepts their invitation', async () => {
    const host = await makeUser('admin');
    const waiting = await createInvited(host);
    const other = await createInvited(host);
    // A standard user invited into the waiting account (delegated, so a host admin may).
    await setDelegation(db(), {
      accountId: waiting.accountId,
      delegated: true,
      actor: testSetupActor,
    });
    const standardEmail = nextEmail('standard');
    const invited = await inviteUser(db(), {
      auditActor: testSetupActor,
      inviter: host,
      email: standardEmail,
      request: {
        type: 'individual',
        accounts: [{ accountId: waiting.accountId, role: 'standard' }],
      },
      language: 'en',
    });
    if (!invited.ok) throw new Error(invited.reason);

    expect(
      await acceptInvitation(db(), {
        actor: testSetupActor,
        token: tokenOf(invited.link),
        password,
      }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await acceptInvitation(db(), { actor: testSetupActor, token: other.token, password }),
    ).toMatchObject({
      ok: true,
    });
    expect(await readAccount(other.accountId)).toMatchObject({ status: 'active' });
    expect(await readAccount(waiting.accountId)).toMatchObject({ status: 'setup' });
  });

  it('leaves a deactivated account deactivated when its admin signs up', async () => {
    const actor = await makeUser('admin');
    const created = await createInvited(actor);
    await db()
      .update(accounts)
      .set({ status: 'deactivated' })
      .where(eq(accounts.id, created.accountId));
    expect(
      await acceptInvitation(db(), { actor: testSetupActor, token: created.token, password }),
    ).toMatchObject({
      ok: true,
    });
    expect(await readUser(created.adminId)).toMatchObject({ status: 'active' });
    expect(await readAccount(created.accountId)).toMatchObject({ status: 'deactivated' });
  });
});

describe('completeAccountSetup', () => {
  it("re-issues the pending admin's invitation: the old link dies, the new one is emailed", async () => {
    const creator = await makeUser('admin');
    const actor = await makeUser('standard');
    await setSmtp(true);
    const created = await createInvited(creator, 'de');

    const result = await completeAccountSetup(db(), {
      auditActor: testSetupActor,
      actor,
      accountId: created.accountId,
      language: 'en',
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result).toMatchObject({ email: created.email, emailId: expect.any(String) });
    expect(result.link).not.toBe(created.link);

    expect(await readInvitation(db(), { token: created.token })).toEqual({ state: 'replaced' });
    expect(await readInvitation(db(), { token: tokenOf(result.link) })).toEqual({
      state: 'valid',
      email: created.email,
      expiresAt: result.expiresAt,
    });
    const links = await invitationsOf(created.adminId);
    expect(links).toHaveLength(2);
    expect(links[0]).toMatchObject({ tokenHash: hashToken(created.token), usedAt: null });
    expect(links[0]!.replacedAt).not.toBeNull();
    expect(links[1]).toEqual({
      tokenHash: hashToken(tokenOf(result.link)),
      usedAt: null,
      replacedAt: null,
    });

    // The older email with its dead link is cancelled; the new one is in the admin's language.
    const emails = await emailsTo(created.adminId);
    expect(emails).toMatchObject([
      { id: created.emailId, status: 'cancelled', payload: null },
      { id: result.emailId, status: 'queued', language: 'de', recipient: created.email },
    ]);
    expect(openPayload(emails[1]!.payload!).text).toContain(result.link);
    expect(await readAccount(created.accountId)).toMatchObject({ status: 'setup' });
    expect(await membersOf(created.accountId)).toEqual([
      { userId: created.adminId, role: 'admin' },
    ]);
  });

  it('queues no email with SMTP off', async () => {
    const actor = await makeUser('admin');
    const created = await createInvited(actor);
    const result = await completeAccountSetup(db(), {
      auditActor: testSetupActor,
      actor,
      accountId: created.accountId,
      language: 'en',
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.emailId).toBeNull();
    expect(await readInvitation(db(), { token: created.token })).toEqual({ state: 'replaced' });
    expect(await readInvitation(db(), { token: tokenOf(result.link) })).toMatchObject({
      state: 'valid',
    });
    expect(await emailsTo(created.adminId)).toEqual([]);
  });

  it('cancels the older invitation email still waiting when the new link is made with SMTP off', async () => {
    const actor = await makeUser('admin');
    await setSmtp(true);
    const created = await createInvited(actor);
    await setSmtp(false);
    const result = await completeAccountSetup(db(), {
      auditActor: testSetupActor,
      actor,
      accountId: created.accountId,
      language: 'en',
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.emailId).toBeNull();
    // Its link is dead: it must not go out when email is turned back on.
    expect(await emailsTo(created.adminId)).toEqual([
      expect.objectContaining({ kind: 'invitation', status: 'cancelled', payload: null }),
    ]);
  });

  it('refuses an account that is not in setup', async () => {
    const actor = await makeUser('admin');
    const active = await makeAccount();
    const accepted = await createInvited(actor);
    await acceptInvitation(db(), { actor: testSetupActor, token: accepted.token, password });
    const before = await snapshot();
    for (const accountId of [active, accepted.accountId]) {
      expect(
        await completeAccountSetup(db(), {
          auditActor: testSetupActor,
          actor,
          accountId,
          adminEmail: nextEmail('late'),
          language: 'en',
        }),
      ).toEqual({ ok: false, reason: 'notSetup' });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('asks for an address when no pending admin is left, then invites a new first admin', async () => {
    const actor = await makeUser('admin');
    const created = await createInvited(actor);
    // The invited admin was stopped before signing up: nobody is waiting any more.
    await db().update(users).set({ status: 'deactivated' }).where(eq(users.id, created.adminId));
    const before = await snapshot();
    expect(
      await completeAccountSetup(db(), {
        auditActor: testSetupActor,
        actor,
        accountId: created.accountId,
        language: 'en',
      }),
    ).toEqual({ ok: false, reason: 'needsEmail' });
    expect(await snapshot()).toEqual(before);

    await setSmtp(true);
    const local = nextTag('second-admin');
    const result = await completeAccountSetup(db(), {
      auditActor: testSetupActor,
      actor,
      accountId: created.accountId,
      adminEmail: ` ${local.toUpperCase()}@example.test `,
      language: 'de',
    });
    if (!result.ok) throw new Error(result.reason);
    const email = `${local}@example.test`;
    expect(result.email).toBe(email);
    const [second] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    expect(await readUser(second!.id)).toMatchObject({
      status: 'pending',
      hostRole: null,
      language: 'de',
    });
    expect(await rolesOf(second!.id)).toEqual([{ accountId: created.accountId, role: 'admin' }]);
    expect(await readInvitation(db(), { token: tokenOf(result.link) })).toMatchObject({
      state: 'valid',
      email,
    });
    expect(await emailsTo(second!.id)).toMatchObject([
      { id: result.emailId, kind: 'invitation', status: 'queued' },
    ]);

    // Their acceptance is what turns the account active.
    await acceptInvitation(db(), { actor: testSetupActor, token: tokenOf(result.link), password });
    expect(await readAccount(created.accountId)).toMatchObject({ status: 'active' });
  });

  it('refuses an address that is already a user when inviting a new first admin', async () => {
    const actor = await makeUser('admin');
    const created = await createInvited(actor);
    await db().delete(users).where(eq(users.id, created.adminId));
    const existing = await makeUser(null);
    const before = await snapshot();
    expect(
      await completeAccountSetup(db(), {
        auditActor: testSetupActor,
        actor,
        accountId: created.accountId,
        adminEmail: existing.email,
        language: 'en',
      }),
    ).toEqual({ ok: false, reason: 'alreadyUser' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses host view and individual users', async () => {
    const creator = await makeUser('admin');
    const created = await createInvited(creator);
    const other = await makeAccount();
    const actors = [await makeUser('view'), await makeUser(null, [[other, 'admin']])];
    const before = await snapshot();
    for (const actor of actors) {
      expect(
        await completeAccountSetup(db(), {
          auditActor: testSetupActor,
          actor,
          accountId: created.accountId,
          language: 'en',
        }),
      ).toEqual({ ok: false, reason: 'forbidden' });
    }
    expect(await snapshot()).toEqual(before);
    expect(await readInvitation(db(), { token: created.token })).toMatchObject({
      state: 'valid',
    });
  });
});
