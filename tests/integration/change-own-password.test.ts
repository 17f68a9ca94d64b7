import { hash, verify } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, throttle, users } from '@/db/schema';
import { readSession } from '@/lib/auth/read-session';
import { createSession } from '@/lib/auth/sessions';
import { signIn } from '@/lib/sign-in/sign-in';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { changeUserLanguage } from '@/lib/users/change-user-language';
import { hostAdminActor, testSetupActor } from '../support/audit-actors';
import { withTestDatabase } from '../support/with-test-database';

const database = withTestDatabase('change_own_password');
const oldPassword = 'correct horse battery staple';
const newPassword = 'lantern orbit meadow 42';
let counter = 0;

async function makeUser() {
  const email = `profile${++counter}@example.test`;
  const { db } = database().handle;
  const [row] = await db
    .insert(users)
    .values({ email, status: 'active', hostRole: 'view', passwordHash: await hash(oldPassword) })
    .returning({ id: users.id });
  const userId = row!.id;
  // Three browsers signed in as this user; the first one makes the change.
  const [here, other, third] = [
    await createSession(db, { userId, proof: 'password' }),
    await createSession(db, { userId, proof: 'password' }),
    await createSession(db, { userId, proof: 'password' }),
  ];
  return { id: userId, email, here: here!, others: [other!, third!] };
}

function change(user: Awaited<ReturnType<typeof makeUser>>, currentPassword: string) {
  return changeOwnPassword(database().handle.db, {
    actor: testSetupActor,
    userId: user.id,
    email: user.email,
    currentPassword,
    newPassword,
    keepSessionToken: user.here,
    clientAddress: '203.0.113.7',
  });
}

async function storedHash(userId: string): Promise<string> {
  const [row] = await database()
    .handle.db.select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  return row!.passwordHash!;
}

describe('changeOwnPassword', () => {
  it('replaces the password and signs out every other browser, keeping this one', async () => {
    const user = await makeUser();
    const { db } = database().handle;
    expect(await change(user, oldPassword)).toEqual({ ok: true });

    const stored = await storedHash(user.id);
    expect(await verify(stored, newPassword)).toBe(true);
    expect(await verify(stored, oldPassword)).toBe(false);
    expect(await readSession(db, user.here)).toMatchObject({ id: user.id });
    for (const token of user.others) expect(await readSession(db, token)).toBeNull();
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const user = await makeUser();
    const { db } = database().handle;
    const before = await storedHash(user.id);
    expect(await change(user, 'not my password at all')).toEqual({
      ok: false,
      reason: 'wrongCurrentPassword',
    });
    expect(await storedHash(user.id)).toBe(before);
    for (const token of [user.here, ...user.others]) {
      expect(await readSession(db, token)).not.toBeNull();
    }
  });

  it('counts wrong guesses against the sign-in limit of the email', async () => {
    const user = await makeUser();
    const { db } = database().handle;
    for (let n = 1; n <= 4; n++) {
      expect(await change(user, `wrong guess ${n}`)).toMatchObject({
        reason: 'wrongCurrentPassword',
      });
    }
    const fifth = await change(user, 'wrong guess 5');
    expect(fifth).toMatchObject({ ok: false, reason: 'throttled' });
    if (fifth.ok || fifth.reason !== 'throttled') return;
    const minutes = (fifth.retryAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    // While blocked, even the right password is refused, here and at sign-in.
    expect(await change(user, oldPassword)).toMatchObject({ reason: 'throttled' });
    expect(
      await signIn(db, { email: user.email, password: oldPassword, clientAddress: '192.0.2.1' }),
    ).toMatchObject({ reason: 'throttled' });
    expect(await verify(await storedHash(user.id), oldPassword)).toBe(true);
  });

  it('clears the failures of the email once the change succeeds', async () => {
    const user = await makeUser();
    const { db } = database().handle;
    await change(user, 'one wrong guess');
    expect(await change(user, oldPassword)).toEqual({ ok: true });
    const rows = await db
      .select()
      .from(throttle)
      .where(eq(throttle.key, `sign-in:email:${user.email}`));
    expect(rows).toEqual([]);
  });
});

describe('changeUserLanguage', () => {
  it('stores the chosen language on the user and records the change, once', async () => {
    const user = await makeUser();
    const { db } = database().handle;
    const actor = { ...hostAdminActor(user.id, user.email), role: null };
    await changeUserLanguage(db, { actor, language: 'de' });
    await changeUserLanguage(db, { actor, language: 'de' });
    const [row] = await db
      .select({ language: users.language })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row).toEqual({ language: 'de' });
    const events = await db
      .select({
        type: auditEvents.eventType,
        actor: auditEvents.actorUserId,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.targetId, user.id), eq(auditEvents.eventType, 'user.languageChanged')),
      );
    expect(events).toEqual([
      { type: 'user.languageChanged', actor: user.id, details: { from: 'en', to: 'de' } },
    ]);
  });
});
