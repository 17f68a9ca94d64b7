import { hash, verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accountMemberships, accounts, sessions, throttle, users } from '@/db/schema';
import { readSession } from '@/lib/auth/read-session';
import { deleteUserSessions } from '@/lib/auth/sessions';
import { signIn } from '@/lib/sign-in/sign-in';
import { withTestDatabase } from '../support/with-test-database';
import type { UserStatus } from '@/db/schema';

const database = withTestDatabase('sign_in');
const password = 'correct horse battery staple';
let counter = 0;

async function makeUser(status: UserStatus = 'active') {
  const email = `user${++counter}@example.test`;
  const [row] = await database()
    .handle.db.insert(users)
    .values({
      email,
      status,
      hostRole: 'admin',
      passwordHash: status === 'pending' ? null : await hash(password),
    })
    .returning({ id: users.id });
  return { id: row!.id, email };
}

const client = (n: number) => ({ clientAddress: `198.51.100.${n}` });

describe('signIn', () => {
  it('opens a session for the right password, with the email in any case', async () => {
    const user = await makeUser();
    const { db } = database().handle;
    const result = await signIn(db, {
      email: ` ${user.email.toUpperCase()} `,
      password,
      ...client(1),
    });
    expect(result).toMatchObject({ ok: true, userId: user.id });
    if (!result.ok) return;
    const sessionUser = await readSession(db, result.sessionToken);
    expect(sessionUser).toMatchObject({ id: user.id, email: user.email, hostRole: 'admin' });
    // Only the token's hash is stored.
    const stored = await db
      .select({ tokenHash: sessions.tokenHash })
      .from(sessions)
      .where(eq(sessions.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(result.sessionToken);
  });

  it('answers the same for a wrong password, an unknown, pending or deactivated user', async () => {
    const { db } = database().handle;
    const active = await makeUser();
    const pending = await makeUser('pending');
    const deactivated = await makeUser('deactivated');
    const attempts = [
      { email: active.email, password: 'wrong password here' },
      { email: 'nobody@example.test', password },
      { email: pending.email, password },
      { email: deactivated.email, password },
    ];
    for (const [index, attempt] of attempts.entries()) {
      expect(await signIn(db, { ...attempt, ...client(10 + index) })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
  });

  it('answers a NUL or control character in the email as a wrong sign-in, without a query', async () => {
    const { db } = database().handle;
    const user = await makeUser();
    for (const email of [`${user.email}\u0000`, `\u0000${user.email}`, `a\u0007${user.email}`]) {
      expect(await signIn(db, { email, password, ...client(40) })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    // Not even counted: the throttle would have to store the address.
    expect(
      await db.select().from(throttle).where(eq(throttle.key, 'sign-in:client:198.51.100.40')),
    ).toEqual([]);
  });

  it('blocks an email after five failures, whatever the client, until the block ends', async () => {
    const { db } = database().handle;
    const user = await makeUser();
    for (let n = 1; n <= 4; n++) {
      expect(
        await signIn(db, { email: user.email, password: 'nope nope nope', ...client(20 + n) }),
      ).toMatchObject({
        reason: 'invalid',
      });
    }
    const fifth = await signIn(db, {
      email: user.email,
      password: 'nope nope nope',
      ...client(30),
    });
    expect(fifth).toMatchObject({ ok: false, reason: 'throttled' });
    const blocked = await signIn(db, { email: user.email, password, ...client(31) });
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
    if (blocked.ok || blocked.reason !== 'throttled') return;
    const minutes = (blocked.retryAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    // Once the block has passed, the right password works and clears the count.
    await db
      .update(throttle)
      .set({
        blockedUntil: new Date(Date.now() - 1000),
        windowStartedAt: new Date(Date.now() - 3_600_000),
      })
      .where(eq(throttle.key, `sign-in:email:${user.email}`));
    expect(await signIn(db, { email: user.email, password, ...client(32) })).toMatchObject({
      ok: true,
    });
    const rows = await db
      .select()
      .from(throttle)
      .where(eq(throttle.key, `sign-in:email:${user.email}`));
    expect(rows).toEqual([]);
  });

  it('blocks a client after twenty failures across many addresses', async () => {
    const { db } = database().handle;
    for (let n = 1; n <= 19; n++) {
      await signIn(db, {
        email: `spray${n}@example.test`,
        password: 'guess guess guess',
        ...client(99),
      });
    }
    const twentieth = await signIn(db, {
      email: 'spray20@example.test',
      password: 'guess guess guess',
      ...client(99),
    });
    expect(twentieth).toMatchObject({ reason: 'throttled' });
    const user = await makeUser();
    expect(await signIn(db, { email: user.email, password, ...client(99) })).toMatchObject({
      reason: 'throttled',
    });
    expect(await signIn(db, { email: user.email, password, ...client(98) })).toMatchObject({
      ok: true,
    });
  });

  it("counts only a client's failures: its successful sign-ins use up nothing", async () => {
    const { db } = database().handle;
    const user = await makeUser();
    for (let n = 1; n <= 19; n++) {
      await signIn(db, { email: `miss${n}@example.test`, password: 'not it', ...client(97) });
    }
    for (let n = 1; n <= 3; n++) {
      expect(await signIn(db, { email: user.email, password, ...client(97) })).toMatchObject({
        ok: true,
      });
    }
    expect(
      await signIn(db, { email: 'miss20@example.test', password: 'not it', ...client(97) }),
    ).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('admits at most five password checks of forty concurrent wrong ones for one address', async () => {
    const { db } = database().handle;
    // A password hash ten times dearer than ours, so its checks dwarf everything else the
    // process does: the CPU time spent says how many passwords were checked.
    const email = `dear${++counter}@example.test`;
    const dearHash = await hash(password, { memoryCost: 19_456, timeCost: 20, parallelism: 1 });
    await db
      .insert(users)
      .values({ email, status: 'active', hostRole: 'view', passwordHash: dearHash });
    const cpuSince = (start: NodeJS.CpuUsage) => {
      const { user, system } = process.cpuUsage(start);
      return user + system;
    };
    // The yardstick: five checks at once, as many as the limit admits.
    const before = process.cpuUsage();
    await Promise.all(Array.from({ length: 5 }, () => verify(dearHash, 'a wrong password')));
    const fiveChecks = cpuSince(before);

    // Forty at once, each from its own client: the per-email limit alone must hold them.
    const during = process.cpuUsage();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        signIn(db, { email, password: `wrong password ${n}`, ...client(100 + n) }),
      ),
    );
    // About 1 when five were checked; 8 when all forty were.
    expect(cpuSince(during) / fiveChecks, 'CPU spent, in five password checks').toBeLessThan(2.5);
    expect(results.filter((result) => result.ok)).toEqual([]);
    const [row] = await db
      .select({ blockedUntil: throttle.blockedUntil })
      .from(throttle)
      .where(eq(throttle.key, `sign-in:email:${email}`));
    expect(row?.blockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await signIn(db, { email, password, ...client(140) })).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
  });
});

describe('readSession', () => {
  it('ends sessions past the idle or the absolute limit, and for deactivated users', async () => {
    const { db } = database().handle;
    const user = await makeUser();
    const open = async () => {
      const result = await signIn(db, { email: user.email, password, ...client(50) });
      if (!result.ok) throw new Error('sign-in failed');
      return result.sessionToken;
    };

    const idle = await open();
    await db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 13 * 3_600_000) });
    expect(await readSession(db, idle)).toBeNull();

    const old = await open();
    await db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    expect(await readSession(db, old)).toBeNull();

    const current = await open();
    expect(await readSession(db, current)).not.toBeNull();
    await db.update(users).set({ status: 'deactivated' }).where(eq(users.id, user.id));
    expect(await readSession(db, current)).toBeNull();
    await db.update(users).set({ status: 'active' }).where(eq(users.id, user.id));

    const kept = await open();
    const dropped = await open();
    await deleteUserSessions(db, { userId: user.id, exceptToken: kept });
    expect(await readSession(db, kept)).not.toBeNull();
    expect(await readSession(db, dropped)).toBeNull();
    expect(await readSession(db, 'a forged token')).toBeNull();
  });

  it("reads the user's role in each of their accounts with the session", async () => {
    const { db } = database().handle;
    const user = await makeUser();
    const result = await signIn(db, { email: user.email, password, ...client(51) });
    if (!result.ok) throw new Error('sign-in failed');
    expect((await readSession(db, result.sessionToken))?.accountRoles).toEqual(new Map());

    const made = await db
      .insert(accounts)
      .values([
        { name: `Read session A ${user.id}`, managed: true },
        { name: `Read session B ${user.id}`, managed: false },
      ])
      .returning({ id: accounts.id });
    await db.insert(accountMemberships).values([
      { userId: user.id, accountId: made[0]!.id, role: 'admin' },
      { userId: user.id, accountId: made[1]!.id, role: 'view' },
    ]);
    expect((await readSession(db, result.sessionToken))?.accountRoles).toEqual(
      new Map([
        [made[0]!.id, 'admin'],
        [made[1]!.id, 'view'],
      ]),
    );
  });
});
