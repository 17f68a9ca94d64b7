import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox, passwordResets, sessions, throttle, users } from '@/db/schema';
import type { HostRole } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import { createSession } from '@/lib/auth/sessions';
import { signIn } from '@/lib/sign-in/sign-in';
import { hashToken } from '@/lib/crypto/tokens';
import { openPayload } from '@/lib/outbox/outbox-payload';
import { makeResetLink } from '@/lib/users/make-reset-link';
import { readResetLink } from '@/lib/resets/read-reset-link';
import { answerForgotPassword } from '@/lib/resets/answer-forgot-password';
import { sendSelfServiceReset } from '@/lib/resets/send-self-service-reset';
import { resetPassword } from '@/lib/resets/reset-password';
import { setUserStatus } from '@/lib/users/set-user-status';
import { testSetupActor, visitorActor } from '../support/audit-actors';
import { withTestDatabase } from '../support/with-test-database';
import { setUnreachableSmtp } from '../support/test-smtp-settings';
import type { UserStatus } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';

const database = withTestDatabase('password_resets');
const db = () => database().handle.db;
const oldPassword = 'unused password 1 old';
const newPassword = 'lantern orbit meadow 42';
let counter = 0;

beforeAll(() => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
});
beforeEach(async () => {
  await setSmtp(true);
});

const setSmtp = (enabled: boolean) => setUnreachableSmtp(db(), enabled);

async function makeUser(
  options: {
    hostRole?: HostRole | null;
    status?: UserStatus;
    language?: Locale;
  } = {},
): Promise<SessionUser> {
  const email = `person${++counter}@example.test`;
  const hostRole = options.hostRole === undefined ? 'standard' : options.hostRole;
  const status = options.status ?? 'active';
  const [row] = await db()
    .insert(users)
    .values({
      email,
      status,
      hostRole,
      language: options.language ?? 'en',
      passwordHash: status === 'pending' ? null : await hash(oldPassword),
    })
    .returning({ id: users.id });
  return {
    id: row!.id,
    email,
    language: options.language ?? 'en',
    hostRole,
    accountRoles: new Map(),
  };
}

/** The token in the newest email to `email`, read from the sealed outbox payload. */
async function tokenEmailedTo(email: string) {
  const rows = await db().select().from(outbox).where(eq(outbox.recipient, email));
  const latest = rows
    .filter((row) => row.kind === 'password-reset' && row.status === 'queued')
    .at(-1);
  if (!latest?.payloadEncrypted) return null;
  const content = openPayload(latest.payloadEncrypted);
  const token = /\/reset\/([\w-]{43})/.exec(content.text)?.[1];
  return { token: token!, subject: content.subject, language: latest.language };
}

const resetRowsOf = (userId: string) =>
  db().select().from(passwordResets).where(eq(passwordResets.userId, userId));

describe('Forgot password', () => {
  it('answers the same for every address and emails only active users, in their language', async () => {
    const active = await makeUser({ language: 'de' });
    const pending = await makeUser({ status: 'pending' });
    const deactivated = await makeUser({ status: 'deactivated' });
    for (const email of [active.email, pending.email, deactivated.email, 'nobody@example.test']) {
      expect(await answerForgotPassword(db(), { email, clientAddress: null })).toEqual({
        ok: true,
      });
    }
    expect(await sendSelfServiceReset(db(), { email: active.email, actor: visitorActor })).toBe(
      true,
    );
    expect(await sendSelfServiceReset(db(), { email: pending.email, actor: visitorActor })).toBe(
      false,
    );
    expect(
      await sendSelfServiceReset(db(), { email: deactivated.email, actor: visitorActor }),
    ).toBe(false);
    expect(
      await sendSelfServiceReset(db(), { email: 'nobody@example.test', actor: visitorActor }),
    ).toBe(false);

    const emailed = await tokenEmailedTo(active.email);
    expect(emailed?.language).toBe('de');
    const [row] = await resetRowsOf(active.id);
    expect(row).toMatchObject({ kind: 'self_service', tokenHash: hashToken(emailed!.token) });
    // Self-service links live one hour.
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(3_590_000);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThan(3_610_000);
    for (const other of [pending, deactivated]) expect(await resetRowsOf(other.id)).toEqual([]);
  });

  it('says email is off when the SMTP switch is off, and counts nothing', async () => {
    await setSmtp(false);
    const user = await makeUser();
    for (let n = 0; n < 5; n++) {
      expect(await answerForgotPassword(db(), { email: user.email, clientAddress: null })).toEqual({
        ok: false,
        reason: 'smtpOff',
      });
    }
    await setSmtp(true);
    expect(await answerForgotPassword(db(), { email: user.email, clientAddress: null })).toEqual({
      ok: true,
    });
  });

  it('blocks the fourth request for one address and the eleventh from one client', async () => {
    const email = `throttled${++counter}@example.test`;
    for (let n = 0; n < 3; n++) {
      expect((await answerForgotPassword(db(), { email, clientAddress: null })).ok).toBe(true);
    }
    const blocked = await answerForgotPassword(db(), { email, clientAddress: null });
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });

    const client = `203.0.113.${++counter}`;
    for (let n = 0; n < 10; n++) {
      const answer = await answerForgotPassword(db(), {
        email: `spray${n}-${counter}@example.test`,
        clientAddress: client,
      });
      expect(answer.ok).toBe(true);
    }
    expect(
      await answerForgotPassword(db(), { email: 'one-more@example.test', clientAddress: client }),
    ).toMatchObject({ ok: false, reason: 'throttled' });
  });
});

describe('resetPassword', () => {
  it('sets the password, uses the link, signs out everywhere and queues "password changed"', async () => {
    const user = await makeUser();
    await createSession(db(), { userId: user.id, proof: 'password' });
    await createSession(db(), { userId: user.id, proof: 'password' });
    await sendSelfServiceReset(db(), { email: user.email, actor: visitorActor });
    const { token } = (await tokenEmailedTo(user.email))!;
    expect(await readResetLink(db(), { token })).toEqual({ state: 'valid', email: user.email });

    expect(
      await resetPassword(db(), { actor: testSetupActor, token, password: newPassword }),
    ).toEqual({
      ok: true,
      email: user.email,
      emailQueued: true,
    });
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect(
      (await signIn(db(), { email: user.email, password: oldPassword, clientAddress: null })).ok,
    ).toBe(false);
    expect(
      (await signIn(db(), { email: user.email, password: newPassword, clientAddress: null })).ok,
    ).toBe(true);
    const changed = await db().select().from(outbox).where(eq(outbox.recipient, user.email));
    expect(changed.map((row) => row.kind)).toContain('password-changed');

    // Single use.
    expect(await readResetLink(db(), { token })).toEqual({ state: 'used' });
    expect(
      await resetPassword(db(), {
        actor: testSetupActor,
        token,
        password: 'another fine passphrase 7',
      }),
    ).toEqual({
      ok: false,
      reason: 'used',
    });
  });

  it("lifts the address's sign-in block: the reset proved the inbox is theirs", async () => {
    const user = await makeUser({ hostRole: 'admin' });
    // Someone else fails five times and so locks the address out for 15 minutes.
    for (let n = 1; n <= 5; n++) {
      await signIn(db(), { email: user.email, password: `guess ${n}`, clientAddress: null });
    }
    expect(
      await signIn(db(), { email: user.email, password: oldPassword, clientAddress: null }),
    ).toMatchObject({ ok: false, reason: 'throttled' });

    await sendSelfServiceReset(db(), { email: user.email, actor: visitorActor });
    const { token } = (await tokenEmailedTo(user.email))!;
    expect(
      (await resetPassword(db(), { actor: testSetupActor, token, password: newPassword })).ok,
    ).toBe(true);
    expect(
      await db()
        .select()
        .from(throttle)
        .where(eq(throttle.key, `sign-in:email:${user.email}`)),
    ).toEqual([]);
    expect(
      await signIn(db(), { email: user.email, password: newPassword, clientAddress: null }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a weak password and keeps the link and the old password', async () => {
    const user = await makeUser();
    await sendSelfServiceReset(db(), { email: user.email, actor: visitorActor });
    const { token } = (await tokenEmailedTo(user.email))!;
    const result = await resetPassword(db(), {
      actor: testSetupActor,
      token,
      password: 'password1234',
    });
    expect(result).toMatchObject({ ok: false, reason: 'password' });
    expect(await readResetLink(db(), { token })).toMatchObject({ state: 'valid' });
    expect(
      (await signIn(db(), { email: user.email, password: oldPassword, clientAddress: null })).ok,
    ).toBe(true);
  });

  it('gives replaced, expired, tampered and deactivated links their own state', async () => {
    const user = await makeUser();
    await sendSelfServiceReset(db(), { email: user.email, actor: visitorActor });
    const first = (await tokenEmailedTo(user.email))!.token;
    await sendSelfServiceReset(db(), { email: user.email, actor: visitorActor });
    const second = (await tokenEmailedTo(user.email))!.token;
    expect(second).not.toBe(first);
    expect(await readResetLink(db(), { token: first })).toEqual({ state: 'replaced' });
    expect(
      await resetPassword(db(), { actor: testSetupActor, token: first, password: newPassword }),
    ).toEqual({
      ok: false,
      reason: 'replaced',
    });
    expect(await readResetLink(db(), { token: second.slice(0, 40) })).toEqual({
      state: 'unknown',
    });
    // The last character changed for another (a fixed 'A' left one token in 64 unchanged).
    const tampered = `${second.slice(0, 42)}${second.endsWith('A') ? 'B' : 'A'}`;
    expect(await readResetLink(db(), { token: tampered })).toEqual({ state: 'unknown' });

    await db()
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.tokenHash, hashToken(second)));
    expect(await readResetLink(db(), { token: second })).toEqual({ state: 'expired' });

    const other = await makeUser();
    await sendSelfServiceReset(db(), { email: other.email, actor: visitorActor });
    const token = (await tokenEmailedTo(other.email))!.token;
    await db().update(users).set({ status: 'deactivated' }).where(eq(users.id, other.id));
    expect(
      await resetPassword(db(), { actor: testSetupActor, token, password: newPassword }),
    ).toEqual({
      ok: false,
      reason: 'deactivated',
    });
  });

  it('lets exactly one of two concurrent submits of a link through', async () => {
    const user = await makeUser();
    await sendSelfServiceReset(db(), { email: user.email, actor: visitorActor });
    const { token } = (await tokenEmailedTo(user.email))!;
    const results = await Promise.all([
      resetPassword(db(), { actor: testSetupActor, token, password: newPassword }),
      resetPassword(db(), { actor: testSetupActor, token, password: 'another fine passphrase 7' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'used' }]);
  });
});

describe('makeResetLink (admin)', () => {
  it('makes a 24-hour link for an active user, emails it, and kills older links', async () => {
    const admin = await makeUser({ hostRole: 'admin' });
    const user = await makeUser();
    await sendSelfServiceReset(db(), { email: user.email, actor: visitorActor });
    const older = (await tokenEmailedTo(user.email))!.token;

    const made = await makeResetLink(db(), {
      actor: admin,
      auditActor: testSetupActor,
      userId: user.id,
    });
    expect(made).toMatchObject({ ok: true });
    if (!made.ok) return;
    expect(made.link).toMatch(/^http:\/\/localhost:\d+\/reset\/[\w-]{43}$/);
    expect(made.emailId).not.toBeNull();
    const token = made.link.split('/reset/')[1]!;
    expect((await tokenEmailedTo(user.email))!.token).toBe(token);
    expect(made.expiresAt.getTime() - Date.now()).toBeGreaterThan(24 * 3_600_000 - 60_000);
    expect(await readResetLink(db(), { token: older })).toEqual({ state: 'replaced' });
    // The older email, still waiting, is cancelled with its content.
    const emails = await db().select().from(outbox).where(eq(outbox.recipient, user.email));
    expect(emails.filter((row) => row.status === 'queued')).toHaveLength(1);

    expect(
      (await resetPassword(db(), { actor: testSetupActor, token, password: newPassword })).ok,
    ).toBe(true);
  });

  it('with SMTP off makes the link without an email', async () => {
    await setSmtp(false);
    const admin = await makeUser({ hostRole: 'admin' });
    const user = await makeUser();
    expect(
      await makeResetLink(db(), { actor: admin, auditActor: testSetupActor, userId: user.id }),
    ).toMatchObject({
      ok: true,
      emailId: null,
    });
  });

  it('a link made before a deactivation stays dead after the reactivation', async () => {
    const admin = await makeUser({ hostRole: 'admin' });
    const user = await makeUser();
    const made = await makeResetLink(db(), {
      actor: admin,
      auditActor: testSetupActor,
      userId: user.id,
    });
    if (!made.ok) throw new Error('no reset link');
    const token = made.link.split('/reset/')[1]!;

    for (const active of [false, true]) {
      expect(
        await setUserStatus(db(), {
          actor: admin,
          auditActor: testSetupActor,
          userId: user.id,
          active,
        }),
      ).toMatchObject({
        ok: true,
      });
      if (!active) expect(await readResetLink(db(), { token })).toEqual({ state: 'deactivated' });
    }

    expect(await readResetLink(db(), { token })).toEqual({ state: 'replaced' });
    expect(
      await resetPassword(db(), { actor: testSetupActor, token, password: newPassword }),
    ).toEqual({
      ok: false,
      reason: 'replaced',
    });
    expect(
      (await signIn(db(), { email: user.email, password: oldPassword, clientAddress: null })).ok,
    ).toBe(true);
  });

  it('refuses non-admins, oneself, and users who are not active, writing nothing', async () => {
    const admin = await makeUser({ hostRole: 'admin' });
    const standard = await makeUser({ hostRole: 'standard' });
    const target = await makeUser();
    const pending = await makeUser({ status: 'pending' });
    const deactivated = await makeUser({ status: 'deactivated' });
    expect(
      await makeResetLink(db(), { actor: standard, auditActor: testSetupActor, userId: target.id }),
    ).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(
      await makeResetLink(db(), { actor: admin, auditActor: testSetupActor, userId: admin.id }),
    ).toEqual({
      ok: false,
      reason: 'self',
    });
    for (const user of [pending, deactivated]) {
      expect(
        await makeResetLink(db(), { actor: admin, auditActor: testSetupActor, userId: user.id }),
      ).toEqual({
        ok: false,
        reason: 'notActive',
      });
    }
    for (const user of [target, admin, pending, deactivated]) {
      expect(await resetRowsOf(user.id)).toEqual([]);
    }
  });
});
