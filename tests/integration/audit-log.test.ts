import { desc, eq, sql, type SQLWrapper } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { auditEvents, hostSettings, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/passwords';
import { signIn } from '@/lib/sign-in/sign-in';
import {
  confirmAuthenticator,
  startAuthenticatorSetup,
} from '@/lib/two-factor/authenticator-setup';
import { fromBase32 } from '@/lib/two-factor/base32';
import { regenerateOwnRecoveryCodes } from '@/lib/two-factor/own-methods';
import { removeTwoFactorMethod } from '@/lib/two-factor/remove-method';
import { totpCode, totpStep } from '@/lib/two-factor/totp';
import { createAccount } from '@/lib/accounts/create-account';
import { deleteAccount } from '@/lib/accounts/delete-account';
import { renameAccount } from '@/lib/accounts/rename-account';
import { setAccountStatus } from '@/lib/accounts/set-account-status';
import { setDelegation } from '@/lib/accounts/set-delegation';
import { changeAccountRole } from '@/lib/accounts/change-account-role';
import { removeFromAccount } from '@/lib/accounts/remove-from-account';
import { changeUserRole } from '@/lib/users/change-user-role';
import { makeResetLink } from '@/lib/users/make-reset-link';
import { revokeUser } from '@/lib/users/revoke-user';
import { setUserStatus } from '@/lib/users/set-user-status';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { acceptInvitation } from '@/lib/invitations/accept-invitation';
import { inviteUser } from '@/lib/invitations/invite-user';
import { resetPassword } from '@/lib/resets/reset-password';
import {
  auditEventBatches,
  auditPageQueries,
  listAuditEvents,
  type AuditListQuery,
} from '@/lib/audit/list-events';
import { setAuditRetention } from '@/lib/host/audit-retention';
import { setEmailRetention } from '@/lib/host/email-retention';
import { sweepExpiredRows } from '@/lib/maintenance/sweep-expired-rows';
import { renameHost } from '@/lib/host/rename-host';
import { getSmtpSettings } from '@/lib/smtp/get-smtp-settings';
import { runSmtpTest } from '@/lib/smtp/run-smtp-test';
import { saveSmtpConfig } from '@/lib/smtp/save-smtp-config';
import { setSmtpEnabled } from '@/lib/smtp/set-smtp-enabled';
import { smtpFormSchema } from '@/lib/smtp/smtp-form-schema';
import { setTwoFactorPolicy } from '@/lib/two-factor/two-factor-policy';
import { createFirstAdmin } from '@/lib/setup/create-first-admin';
import { issueSetupLinkIfNoUsers } from '@/lib/setup/issue-setup-link';
import { sendSelfServiceReset } from '@/lib/resets/send-self-service-reset';
import { verifySecondStep } from '@/lib/two-factor/verify-second-step';
import { hostAdminActor, visitorActor } from '../support/audit-actors';
import { createTestDatabase } from '../support/test-database';
import { setUnreachableSmtp } from '../support/test-smtp-settings';
import { directoryFixtures } from '../support/directory-fixtures';
import { withTestDatabase } from '../support/with-test-database';

// The audit log: each change records one event, with its actor and what changed, in the same
// transaction; a refused change records nothing; a secret never reaches the log.

const database = withTestDatabase('audit_log');
const db = () => database().handle.db;
const { nextEmail, nextName, makeUser, makeAccount } = directoryFixtures(db);

beforeAll(() => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
});

async function newestEvents(limit = 1) {
  return db()
    .select()
    .from(auditEvents)
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}

async function eventCount() {
  const [row] = await db()
    .select({ count: sql<number>`count(*)::int` })
    .from(auditEvents);
  return row!.count;
}

/** The whole log as text, to search for what must never be in it. */
async function wholeLog(): Promise<string> {
  const rows = await db().select().from(auditEvents);
  return JSON.stringify(rows);
}

/** Sets up and confirms an authenticator for the user, as they would on Profile. */
async function addAuthenticator(userId: string, email: string) {
  const offer = await startAuthenticatorSetup(db(), { userId, email, issuer: 'Host' });
  if (!offer.ok) throw new Error('set-up refused');
  await confirmAuthenticator(db(), {
    userId,
    code: totpCode(fromBase32(offer.secret)!, totpStep(new Date())),
    actor: hostAdminActor(userId, email),
  });
}

async function admin() {
  const user = await makeUser('admin');
  return { user, actor: hostAdminActor(user.id, user.email) };
}

function smtpForm(values: Record<string, string>) {
  return smtpFormSchema.parse({
    host: 'smtp.example.test',
    port: '465',
    senderName: 'Nordlicht',
    senderEmail: 'noreply@nordlicht.test',
    ssl: 'on',
    auth: 'on',
    username: 'mailer',
    password: '',
    ...values,
  });
}

describe('SMTP events', () => {
  it('records which fields a save changed, old → new, and a secret only as changed', async () => {
    const { actor } = await admin();
    const password = 'first-secret-Pa55word';
    await saveSmtpConfig(db(), { form: smtpForm({ password }), actor });
    const [first] = await newestEvents();
    expect(first).toMatchObject({
      eventType: 'smtp.saved',
      actorKind: 'user',
      actorUserId: actor.userId,
      actorEmail: actor.email,
      actorRole: 'host:admin',
      clientAddress: '192.0.2.10',
      userAgent: 'integration test',
      targetKind: 'smtp',
    });
    expect((first!.details as Record<string, unknown>).password).toEqual({ changed: true });

    const second = 'second-secret-Pa55word';
    await saveSmtpConfig(db(), {
      form: smtpForm({ host: 'mail.example.test', port: '587', ssl: '', password: second }),
      actor,
    });
    const [changed] = await newestEvents();
    expect(changed!.details).toEqual({
      host: { from: 'smtp.example.test', to: 'mail.example.test' },
      port: { from: 465, to: 587 },
      ssl: { from: true, to: false },
      password: { changed: true },
    });

    // A blank password keeps the stored one: not a change.
    await saveSmtpConfig(db(), {
      form: smtpForm({ host: 'mail.example.test', port: '587', ssl: '', senderName: 'Nord' }),
      actor,
    });
    const [kept] = await newestEvents();
    expect(kept!.details).toEqual({ senderName: { from: 'Nordlicht', to: 'Nord' } });

    const log = await wholeLog();
    expect(log).not.toContain(password);
    expect(log).not.toContain(second);
  });

  it('records the switch with where it was used, and nothing for a switch to the same state', async () => {
    const { actor } = await admin();
    await saveSmtpConfig(db(), { form: smtpForm({ password: 'switch-Pa55word' }), actor });
    const version = (await getSmtpSettings(db()))!.version;
    // A stale version is refused, and records nothing.
    const before = await eventCount();
    expect(
      await setSmtpEnabled(db(), { enabled: true, version: 'stale', actor, place: 'smtpPage' }),
    ).toMatchObject({ ok: false, reason: 'changedMeanwhile' });
    expect(await eventCount()).toBe(before);

    await setSmtpEnabled(db(), { enabled: true, version, actor, place: 'dashboard' });
    expect((await newestEvents())[0]).toMatchObject({
      eventType: 'smtp.switched',
      details: { enabled: true, place: 'dashboard' },
    });
    // Already on: nothing changes, nothing is recorded.
    const on = await eventCount();
    await setSmtpEnabled(db(), { enabled: true, version, actor, place: 'smtpPage' });
    expect(await eventCount()).toBe(on);
    await setSmtpEnabled(db(), { enabled: false, version: undefined, actor, place: 'smtpPage' });
    expect((await newestEvents())[0]).toMatchObject({
      eventType: 'smtp.switched',
      details: { enabled: false, place: 'smtpPage' },
    });
  });

  it('records a test email with its recipient and the step that failed', async () => {
    const { actor } = await admin();
    const result = await runSmtpTest(db(), {
      form: smtpForm({ host: '127.0.0.1', port: '1', ssl: '', auth: '' }),
      to: 'someone@example.test',
      actor,
      message: { subject: 'Test', text: 'Test', html: '<p>Test</p>' },
    });
    expect(result.ok).toBe(true);
    const [event] = await newestEvents();
    expect(event).toMatchObject({
      eventType: 'smtp.testSent',
      details: { to: 'someone@example.test', host: '127.0.0.1', delivered: false },
    });
    expect((event!.details as { failedStep: string }).failedStep).toBe('connect');
  });
});

describe('host settings events', () => {
  it('records old → new for each setting, and nothing when the value is the same', async () => {
    const { actor } = await admin();
    await renameHost(db(), { hostName: 'Before', actor });
    await renameHost(db(), { hostName: 'After', actor });
    const [renamed] = await newestEvents();
    expect(renamed).toMatchObject({
      eventType: 'host.renamed',
      targetKind: 'host',
      details: { from: 'Before', to: 'After' },
    });
    const count = await eventCount();
    await renameHost(db(), { hostName: 'After', actor });
    expect(await eventCount()).toBe(count);

    await setTwoFactorPolicy(db(), { policy: 'optional', actor });
    await setTwoFactorPolicy(db(), { policy: 'required_for_everyone', actor });
    expect((await newestEvents())[0]).toMatchObject({
      eventType: 'host.twoFactorPolicyChanged',
      details: { from: 'optional', to: 'required_for_everyone' },
    });
    await setTwoFactorPolicy(db(), { policy: 'off', actor });
  });

  it('records nothing for a change the database refuses', async () => {
    const { actor } = await admin();
    await setEmailRetention(db(), { days: 90, actor });
    const count = await eventCount();
    await expect(setEmailRetention(db(), { days: 0, actor })).rejects.toThrow();
    expect(await eventCount()).toBe(count);
  });
});

describe('account events', () => {
  it('records create, rename, deactivate, activate, delegate and delete against the account', async () => {
    const { user, actor } = await admin();
    const name = nextName('Audited');
    const created = await createAccount(db(), {
      actor: user,
      auditActor: actor,
      name,
      administrator: { type: 'me' },
    });
    if (!created.ok) throw new Error('not created');
    const accountId = created.accountId;
    const renamedTo = nextName('Audited again');
    await renameAccount(db(), { accountId, name: renamedTo, actor });
    await setAccountStatus(db(), { accountId, active: false, actor });
    await setAccountStatus(db(), { accountId, active: true, actor });
    await deleteAccount(db(), { accountId, confirmName: renamedTo, actor });

    const events = await db()
      .select({
        type: auditEvents.eventType,
        label: auditEvents.targetLabel,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(eq(auditEvents.accountId, accountId))
      .orderBy(auditEvents.id);
    expect(events).toEqual([
      {
        type: 'account.created',
        label: name,
        details: { managed: true, administrator: user.email },
      },
      { type: 'account.renamed', label: renamedTo, details: { from: name, to: renamedTo } },
      {
        type: 'account.deactivated',
        label: renamedTo,
        details: { from: 'active', to: 'deactivated' },
      },
      {
        type: 'account.activated',
        label: renamedTo,
        details: { from: 'deactivated', to: 'active' },
      },
      {
        type: 'account.deleted',
        label: renamedTo,
        details: { members: 1, deactivatedUsers: 0 },
      },
    ]);

    const unmanaged = await makeAccount({ managed: false });
    await setDelegation(db(), { accountId: unmanaged, delegated: true, actor });
    expect((await newestEvents())[0]).toMatchObject({
      eventType: 'account.delegationChanged',
      accountId: unmanaged,
      details: { delegated: true },
    });
  });

  it('records nothing for a refused change', async () => {
    const { actor } = await admin();
    const taken = nextName('Taken');
    await makeAccount({ name: taken });
    const account = await makeAccount();
    const count = await eventCount();
    expect(await renameAccount(db(), { accountId: account, name: taken, actor })).toMatchObject({
      ok: false,
    });
    expect(
      await deleteAccount(db(), { accountId: account, confirmName: 'not its name', actor }),
    ).toMatchObject({ ok: false, reason: 'confirmMismatch' });
    // Managed accounts have nothing to delegate.
    expect(await setDelegation(db(), { accountId: account, delegated: true, actor })).toMatchObject(
      { ok: false, reason: 'managed' },
    );
    expect(await eventCount()).toBe(count);
  });
});

describe('user events', () => {
  it('records role changes, deactivation, reactivation and revocation against the user', async () => {
    const { user, actor } = await admin();
    const auditActor = actor;
    const target = await makeUser('view');
    await changeUserRole(db(), {
      actor: user,
      auditActor,
      userId: target.id,
      change: { type: 'host', role: 'standard' },
    });
    await setUserStatus(db(), { actor: user, auditActor, userId: target.id, active: false });
    // Already deactivated: nothing changes, nothing is recorded.
    await setUserStatus(db(), { actor: user, auditActor, userId: target.id, active: false });
    await setUserStatus(db(), { actor: user, auditActor, userId: target.id, active: true });
    await revokeUser(db(), { actor: user, auditActor, userId: target.id });
    const events = await db()
      .select({
        type: auditEvents.eventType,
        label: auditEvents.targetLabel,
        accountId: auditEvents.accountId,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, target.id))
      .orderBy(auditEvents.id);
    expect(events).toEqual([
      {
        type: 'user.roleChanged',
        label: target.email,
        accountId: null,
        details: { scope: 'host', from: 'view', to: 'standard' },
      },
      { type: 'user.deactivated', label: target.email, accountId: null, details: {} },
      { type: 'user.reactivated', label: target.email, accountId: null, details: {} },
      {
        type: 'user.revoked',
        label: target.email,
        accountId: null,
        details: { status: 'active', hostRole: 'standard', accounts: [] },
      },
    ]);
  });

  it("records a change made on an account's Users page against that account", async () => {
    const { user, actor } = await admin();
    const account = await makeAccount({ name: nextName('Members') });
    const other = await makeAccount();
    // Another admin, so the member may be removed after becoming one.
    await makeUser(null, [[account, 'admin']]);
    // In two accounts: only the page the change was made on says which account it belongs to.
    const member = await makeUser(null, [
      [account, 'standard'],
      [other, 'view'],
    ]);
    await changeAccountRole(db(), {
      actor: user,
      auditActor: actor,
      accountId: account,
      userId: member.id,
      role: 'admin',
    });
    await makeResetLink(db(), {
      actor: user,
      auditActor: actor,
      userId: member.id,
      inAccount: account,
    });
    await removeFromAccount(db(), {
      actor: user,
      auditActor: actor,
      accountId: account,
      userId: member.id,
    });
    const events = await db()
      .select({ type: auditEvents.eventType, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.accountId, account))
      .orderBy(auditEvents.id);
    expect(events.map((event) => event.type)).toEqual([
      'user.roleChanged',
      'user.resetLinkMade',
      'user.removedFromAccount',
    ]);
    expect(events[0]!.details).toMatchObject({ scope: 'account', from: 'standard', to: 'admin' });
    expect(events[1]!.details).toEqual({ by: 'admin', emailed: false });
    expect(events[2]!.details).toMatchObject({ role: 'admin', removedFromInstance: false });
  });

  it('records an invitation, its acceptance, a reset by link and a password change', async () => {
    const { user, actor } = await admin();
    const email = nextEmail('lifecycle');
    const invited = await inviteUser(db(), {
      inviter: user,
      auditActor: actor,
      email,
      language: 'en',
      request: { type: 'host', role: 'view' },
    });
    if (!invited.ok) throw new Error('not invited');
    const visitor = {
      kind: 'visitor',
      clientAddress: '198.51.100.7',
      userAgent: 'browser',
    } as const;
    const password = 'lantern orbit meadow 42';
    await acceptInvitation(db(), {
      token: invited.link.split('/').pop()!,
      password,
      actor: visitor,
    });
    const reset = await makeResetLink(db(), {
      actor: user,
      auditActor: actor,
      userId: invited.userId,
    });
    if (!reset.ok) throw new Error('no reset link');
    const newPassword = 'harbour violet tundra 17';
    await resetPassword(db(), {
      token: reset.link.split('/').pop()!,
      password: newPassword,
      actor: visitor,
    });
    const self = hostAdminActor(invited.userId, email);
    await changeOwnPassword(db(), {
      userId: invited.userId,
      email,
      currentPassword: newPassword,
      newPassword: 'quartz lagoon ember 88',
      keepSessionToken: null,
      clientAddress: null,
      actor: self,
    });
    const events = await db()
      .select({ type: auditEvents.eventType, actorKind: auditEvents.actorKind })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, invited.userId))
      .orderBy(auditEvents.id);
    expect(events).toEqual([
      { type: 'user.invited', actorKind: 'user' },
      { type: 'user.invitationAccepted', actorKind: 'visitor' },
      { type: 'user.resetLinkMade', actorKind: 'user' },
      { type: 'user.passwordReset', actorKind: 'visitor' },
      { type: 'user.passwordChanged', actorKind: 'user' },
    ]);
    const log = await wholeLog();
    for (const secret of [
      password,
      newPassword,
      'quartz lagoon ember 88',
      invited.link,
      reset.link,
    ]) {
      expect(log).not.toContain(secret);
    }
  });

  it('records nothing when a change is refused', async () => {
    const { user, actor } = await admin();
    const count = await eventCount();
    // Oneself: refused.
    expect(
      await setUserStatus(db(), { actor: user, auditActor: actor, userId: user.id, active: false }),
    ).toMatchObject({ ok: false, reason: 'self' });
    expect(await eventCount()).toBe(count);
  });
});

describe('sign-in events', () => {
  it('records a sign-in with how it was proven, and failures only as far as the throttle lets them', async () => {
    const email = nextEmail('signer');
    const user = await makeUser('view', [], { email });
    await db()
      .update(users)
      .set({ passwordHash: await hashPassword('lantern orbit meadow 42') })
      .where(eq(users.id, user.id));
    const client = { clientAddress: '203.0.113.9', userAgent: 'Sign-in test browser' };
    const signedIn = await signIn(db(), { email, password: 'lantern orbit meadow 42', ...client });
    expect(signedIn.ok).toBe(true);
    expect((await newestEvents())[0]).toMatchObject({
      eventType: 'signIn.succeeded',
      actorKind: 'user',
      actorEmail: email,
      actorRole: 'host:view',
      clientAddress: '203.0.113.9',
      userAgent: 'Sign-in test browser',
      details: { proof: 'password' },
    });

    const unknown = nextEmail('nobody');
    await signIn(db(), { email: unknown, password: 'whatever it is 1', ...client });
    expect((await newestEvents())[0]).toMatchObject({
      eventType: 'signIn.failed',
      actorKind: 'visitor',
      targetId: null,
      targetLabel: unknown,
      details: { reason: 'unknownEmail', throttled: false },
    });

    // Eight wrong passwords: five reach the check (the fifth starts the block), three do not.
    const before = await eventCount();
    for (let attempt = 0; attempt < 8; attempt++) {
      await signIn(db(), { email, password: `wrong password ${attempt}`, ...client });
    }
    expect(await eventCount()).toBe(before + 5);
    const [last] = await newestEvents();
    expect(last).toMatchObject({
      eventType: 'signIn.failed',
      targetId: user.id,
      details: { reason: 'wrongPassword', throttled: true },
    });
    expect(await wholeLog()).not.toContain('wrong password');
  });
});

describe('two-factor events', () => {
  it('records a method added, recovery codes regenerated and a method removed', async () => {
    const email = nextEmail('second-step');
    const user = await makeUser('view', [], { email });
    const actor = hostAdminActor(user.id, email);
    await addAuthenticator(user.id, email);
    await regenerateOwnRecoveryCodes(db(), user.id, actor);
    await removeTwoFactorMethod(db(), { userId: user.id, hostRole: 'view', method: 'totp', actor });
    const events = await db()
      .select({
        type: auditEvents.eventType,
        label: auditEvents.targetLabel,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, user.id))
      .orderBy(auditEvents.id);
    expect(events).toEqual([
      { type: 'user.twoFactorAdded', label: email, details: { method: 'authenticator' } },
      { type: 'user.recoveryCodesRegenerated', label: email, details: {} },
      {
        type: 'user.twoFactorRemoved',
        label: email,
        details: { method: 'authenticator', lastMethod: true },
      },
    ]);
  });
});

describe('visitor events', () => {
  it('records wrong second-step codes against the user, and the one that ended the attempt', async () => {
    const email = nextEmail('wrong-code');
    const user = await makeUser('view', [], { email });
    const password = 'lantern orbit meadow 42';
    await db()
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, user.id));
    await addAuthenticator(user.id, email);
    await db()
      .update(hostSettings)
      .set({ twoFactorPolicy: 'optional' })
      .where(eq(hostSettings.id, 1));
    const client = { clientAddress: '203.0.113.7', userAgent: 'Second-step test browser' };
    const started = await signIn(db(), { email, password, ...client });
    if (started.ok || started.reason !== 'secondStep') throw new Error('no second step');
    const wrong = (code: string) =>
      verifySecondStep(db(), {
        challengeToken: started.challengeToken,
        kind: 'authenticator',
        code,
        ...client,
      });
    expect(await wrong('000000')).toMatchObject({ ok: false, reason: 'wrongCode' });
    expect((await newestEvents())[0]).toMatchObject({
      eventType: 'signIn.failed',
      actorKind: 'visitor',
      clientAddress: '203.0.113.7',
      userAgent: 'Second-step test browser',
      targetId: user.id,
      targetLabel: email,
      details: { reason: 'wrongCode', code: 'authenticator', attemptsLeft: 4, throttled: false },
    });
    for (let attempt = 1; attempt < 5; attempt++) await wrong(`00000${attempt}`);
    expect((await newestEvents())[0]).toMatchObject({
      eventType: 'signIn.failed',
      details: { reason: 'wrongCode', attemptsLeft: 0 },
    });
    // The attempt is over: a sixth code finds no challenge, and no event is added for it.
    const before = await eventCount();
    expect(await wrong('000009')).toEqual({ ok: false, reason: 'expired' });
    expect(await eventCount()).toBe(before);
    expect(await wholeLog()).not.toContain('000009');
  });

  it('records a reset link asked for on Forgot password, and nothing for an unknown address', async () => {
    const email = nextEmail('forgot');
    const user = await makeUser('view', [], { email });
    await setUnreachableSmtp(db(), true);
    expect(await sendSelfServiceReset(db(), { email, actor: visitorActor })).toBe(true);
    expect((await newestEvents())[0]).toMatchObject({
      eventType: 'user.resetLinkMade',
      actorKind: 'visitor',
      userAgent: visitorActor.kind === 'visitor' ? visitorActor.userAgent : null,
      targetId: user.id,
      details: { by: 'selfService', emailed: true },
    });
    const before = await eventCount();
    const unknown = nextEmail('unknown');
    expect(await sendSelfServiceReset(db(), { email: unknown, actor: visitorActor })).toBe(false);
    expect(await eventCount()).toBe(before);
    expect(await wholeLog()).not.toContain(unknown);
  });

  it('records the first admin setting the instance up, as the audit log’s first event', async () => {
    const own = await createTestDatabase(inject('postgresAdminUrl'), 'audit_first_run');
    const ownDb = own.handle.db;
    try {
      const link = await issueSetupLinkIfNoUsers(ownDb);
      const result = await createFirstAdmin(ownDb, {
        token: new URL(link!).searchParams.get('token')!,
        hostName: 'First Host',
        email: 'first@example.test',
        password: 'lantern orbit meadow 42',
        language: 'en',
        visitor: visitorActor,
      });
      expect(result).toEqual({ ok: true });
      const events = await ownDb.select().from(auditEvents);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        eventType: 'host.setUp',
        actorKind: 'user',
        actorEmail: 'first@example.test',
        actorRole: 'host:admin',
        clientAddress: '192.0.2.20',
        targetKind: 'host',
        details: { hostName: 'First Host', administrator: 'first@example.test' },
      });
      expect(JSON.stringify(events)).not.toContain('lantern orbit');
    } finally {
      await own.drop();
    }
  });
});

describe('the log', () => {
  const query = (changes: Partial<AuditListQuery>): AuditListQuery => ({
    text: '',
    actorKind: null,
    targetKind: null,
    type: null,
    from: null,
    to: null,
    accountId: null,
    position: null,
    size: 25,
    ...changes,
  });

  it('pages newest first without skipping or repeating, and filters', async () => {
    const { actor } = await admin();
    const account = await makeAccount();
    const names = Array.from({ length: 60 }, (_, index) => nextName(`Paged ${index}`));
    for (const name of names) await renameAccount(db(), { accountId: account, name, actor });

    const seen: string[] = [];
    let page = await listAuditEvents(db(), query({ accountId: account }));
    expect(page.total).toBe(60);
    for (;;) {
      seen.push(...page.rows.map((row) => row.target.label!));
      if (!page.next) break;
      page = await listAuditEvents(db(), query({ accountId: account, position: page.next }));
    }
    expect(seen).toEqual([...names].reverse());
    const back = await listAuditEvents(
      db(),
      query({ accountId: account, position: page.previous }),
    );
    expect(back.rows.map((row) => row.target.label)).toEqual(seen.slice(25, 50));

    const found = await listAuditEvents(
      db(),
      query({ text: names[7]!.toUpperCase(), type: 'account.renamed' }),
    );
    expect(found.rows.map((row) => row.target.label)).toEqual([names[7]]);
    const byEmail = await listAuditEvents(db(), query({ text: actor.email, accountId: account }));
    expect(byEmail.total).toBe(60);
    const none = await listAuditEvents(
      db(),
      query({ actorKind: 'command_line', accountId: account }),
    );
    expect(none.rows).toEqual([]);
  });

  it('exports every matching event in batches, newest first, none skipped at a shared instant', async () => {
    const account = crypto.randomUUID();
    const other = crypto.randomUUID();
    // 25 events at one instant and 10 at another, and 5 of another account: batches of 7
    // end in the middle of an instant.
    await db().execute(sql`
      insert into audit_events (occurred_at, event_type, actor_kind, target_kind, target_label, account_id)
      select case when n <= 25 then timestamptz '2026-03-01 10:00:00.123456+00'
                  else timestamptz '2026-02-01 09:00:00+00' end,
             'account.renamed', 'system', 'account', 'Exported ' || n, ${account}::uuid
      from generate_series(1, 35) n`);
    await db().execute(sql`
      insert into audit_events (event_type, actor_kind, target_kind, target_label, account_id)
      select 'account.renamed', 'system', 'account', 'Elsewhere ' || n, ${other}::uuid
      from generate_series(1, 5) n`);
    const filters = query({ accountId: account });
    const batches: string[][] = [];
    for await (const batch of auditEventBatches(db(), filters, 7)) {
      batches.push(batch.map((row) => row.target.label!));
    }
    expect(batches.map((batch) => batch.length)).toEqual([7, 7, 7, 7, 7]);
    const labels = batches.flat();
    expect(new Set(labels).size).toBe(35);
    expect(labels.every((label) => label.startsWith('Exported '))).toBe(true);
    // The later instant first; within an instant, the newer id first.
    expect(labels.slice(0, 25)).toEqual(
      Array.from({ length: 25 }, (_, index) => `Exported ${25 - index}`),
    );
    const inFebruary: string[] = [];
    for await (const batch of auditEventBatches(db(), { ...filters, to: '2026-02-28' }, 4)) {
      inFebruary.push(...batch.map((row) => row.target.label!));
    }
    expect(inFebruary).toHaveLength(10);
  });

  it('treats % and _ in the search as themselves', async () => {
    const page = await listAuditEvents(db(), query({ text: '%' }));
    expect(page.rows.every((row) => `${row.actor.email} ${row.target.label}`.includes('%'))).toBe(
      true,
    );
  });

  it('keeps an event of a user whose email is searched', async () => {
    const email = nextEmail('searched');
    const user = await makeUser('admin', [], { email });
    const actor = hostAdminActor(user.id, email);
    await renameHost(db(), { hostName: nextName('Host'), actor });
    const page = await listAuditEvents(db(), query({ text: email }));
    expect(page.rows[0]).toMatchObject({ type: 'host.renamed', actor: { email } });
  });

  it('reads each page through an index from its position, not the whole log', async () => {
    await db().execute(sql`
      insert into audit_events (event_type, actor_kind, actor_email, target_kind, target_label)
      select 'host.renamed', 'user', 'planner' || n || '@example.test', 'host', 'Host ' || n
      from generate_series(1, 3000) n`);
    await db().execute(sql`analyze audit_events`);
    const plan = (statement: SQLWrapper) =>
      db().transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return JSON.stringify(await tx.execute(sql`explain ${statement}`));
      });
    const first = await listAuditEvents(db(), query({}));
    const later = auditPageQueries(db(), query({ position: first.next }));
    expect(await plan(later.page)).toMatch(
      /audit_events_log_order.*Index Cond: \(ROW\(occurred_at, id\) </,
    );
    // A rare type: its own index, not a walk past every other event.
    const ofType = auditPageQueries(db(), query({ type: 'smtp.testSent', position: first.next }));
    expect(await plan(ofType.page)).toContain('audit_events_type_log_order');
    const searched = auditPageQueries(db(), query({ text: 'planner1234' }));
    // The count goes through the trigram index; the page may walk the log order instead while
    // that is cheaper (few rows here), but never the whole table.
    expect(await plan(searched.total)).toContain('audit_events_search');
    expect(await plan(searched.page)).not.toContain('Seq Scan');
    const ofAccount = auditPageQueries(db(), query({ accountId: crypto.randomUUID() }));
    expect(await plan(ofAccount.page)).toContain('audit_events_account_log_order');
  });
});

describe('retention', () => {
  it('deletes events past the retention in bounded batches, and records a change of it', async () => {
    const { actor } = await admin();
    await setAuditRetention(db(), { days: 365, actor });
    const ago = (days: number) => sql`now() - make_interval(days => ${days})`;
    await db().execute(sql`
      insert into audit_events (occurred_at, event_type, actor_kind, target_kind, target_label)
      values (${ago(400)}, 'host.renamed', 'system', 'host', 'swept-1'),
             (${ago(366)}, 'host.renamed', 'system', 'host', 'swept-2'),
             (${ago(364)}, 'host.renamed', 'system', 'host', 'kept')`);
    const labels = async () =>
      (
        await db()
          .select({ label: auditEvents.targetLabel })
          .from(auditEvents)
          .where(sql`${auditEvents.targetLabel} in ('swept-1', 'swept-2', 'kept')`)
      )
        .map((row) => row.label)
        .sort();

    expect((await sweepExpiredRows(db(), { limit: 1 })).auditEvents).toBe(1);
    expect(await labels()).toEqual(['kept', 'swept-2']);
    expect((await sweepExpiredRows(db(), { limit: 1 })).auditEvents).toBe(1);
    expect((await sweepExpiredRows(db(), { limit: 1 })).auditEvents).toBe(0);
    expect(await labels()).toEqual(['kept']);

    await setAuditRetention(db(), { days: 30, actor });
    expect((await newestEvents())[0]).toMatchObject({
      eventType: 'host.auditRetentionChanged',
      details: { from: 365, to: 30 },
    });
    await sweepExpiredRows(db());
    expect(await labels()).toEqual([]);
    await expect(setAuditRetention(db(), { days: 29, actor })).rejects.toThrow();
    await setAuditRetention(db(), { days: 365, actor });
  });
});
