import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { recoveryCodes, sessions, signInChallenges, twoFactorMethods } from '@/db/schema';
import { listAccountUsers } from '@/lib/accounts/list-account-users';
import { loadAccountScope } from '@/lib/auth/load-account-scope';
import { hashToken } from '@/lib/crypto/tokens';
import { listUsers } from '@/lib/users/list-users';
import { resetTwoFactor } from '@/lib/users/reset-two-factor';
import { testSetupActor } from '../support/audit-actors';
import { directoryFixtures } from '../support/directory-fixtures';
import { withTestDatabase } from '../support/with-test-database';

// An admin resets a user's two-factor sign-in (lost phone): who may, and what goes.

const database = withTestDatabase('two_factor_reset');
const db = () => database().handle.db;
const { makeUser, makeAccount } = directoryFixtures(db);

beforeAll(() => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
});

/** Gives the user an authenticator and an emailed code, recovery codes, a session, a challenge. */
async function withTwoFactor(userId: string) {
  await db()
    .insert(twoFactorMethods)
    .values([
      { userId, method: 'totp', sealedSecret: 'v1:unused', confirmedAt: new Date() },
      { userId, method: 'email', confirmedAt: new Date() },
    ]);
  await db()
    .insert(recoveryCodes)
    .values({ userId, codeHash: `code-${userId}` });
  const later = new Date(Date.now() + 3_600_000);
  await db()
    .insert(sessions)
    .values({ tokenHash: hashToken(`s-${userId}`), userId, expiresAt: later });
  await db()
    .insert(signInChallenges)
    .values({ tokenHash: hashToken(`c-${userId}`), userId, step: 'verify', expiresAt: later });
}

async function leftOf(userId: string) {
  const count = async (
    table:
      typeof twoFactorMethods | typeof recoveryCodes | typeof sessions | typeof signInChallenges,
  ) => (await db().select().from(table).where(eq(table.userId, userId))).length;
  return {
    methods: await count(twoFactorMethods),
    codes: await count(recoveryCodes),
    sessions: await count(sessions),
    challenges: await count(signInChallenges),
  };
}

const nothing = { methods: 0, codes: 0, sessions: 0, challenges: 0 };
const everything = { methods: 2, codes: 1, sessions: 1, challenges: 1 };

describe('resetting a user’s two-factor sign-in', () => {
  it('removes every method and code and signs the user out everywhere; the Users page shows it', async () => {
    const admin = await makeUser('admin');
    const account = await makeAccount();
    const user = await makeUser(null, [[account, 'standard']]);
    await withTwoFactor(user.id);
    const rowOf = async () =>
      (await listUsers(db(), { viewer: admin, search: user.email })).rows.find(
        (row) => row.id === user.id,
      );
    expect((await rowOf())?.twoFactor).toEqual(['email', 'totp']);

    expect(
      await resetTwoFactor(db(), { actor: admin, auditActor: testSetupActor, userId: user.id }),
    ).toEqual({ ok: true });
    expect(await leftOf(user.id)).toEqual(nothing);
    expect((await rowOf())?.twoFactor).toEqual([]);
    // Nothing left to reset.
    expect(
      await resetTwoFactor(db(), { actor: admin, auditActor: testSetupActor, userId: user.id }),
    ).toEqual({
      ok: false,
      reason: 'noMethod',
    });
  });

  it('is refused for oneself, and for users the actor may not manage; nothing changes', async () => {
    const admin = await makeUser('admin');
    await withTwoFactor(admin.id);
    expect(
      await resetTwoFactor(db(), { actor: admin, auditActor: testSetupActor, userId: admin.id }),
    ).toEqual({
      ok: false,
      reason: 'self',
    });
    expect(await leftOf(admin.id)).toEqual(everything);

    // An account admin and a user who is also in an account they do not manage.
    const mine = await makeAccount({ managed: false });
    const theirs = await makeAccount({ managed: false });
    const accountAdmin = await makeUser(null, [[mine, 'admin']]);
    const shared = await makeUser(null, [
      [mine, 'view'],
      [theirs, 'view'],
    ]);
    await withTwoFactor(shared.id);
    expect(
      await resetTwoFactor(db(), {
        actor: accountAdmin,
        auditActor: testSetupActor,
        userId: shared.id,
        inAccount: mine,
      }),
    ).toEqual({ ok: false, reason: 'forbidden' });
    expect(await leftOf(shared.id)).toEqual(everything);
    const accountRow = (
      await listAccountUsers(db(), {
        viewer: accountAdmin,
        account: (await loadAccountScope(db(), mine))!,
      })
    ).rows.find((row) => row.id === shared.id);
    expect(accountRow).toMatchObject({ twoFactor: ['email', 'totp'], linksAllowed: false });

    // Named through another account, a user is not found at all.
    const onlyTheirs = await makeUser(null, [[theirs, 'view']]);
    await withTwoFactor(onlyTheirs.id);
    expect(
      await resetTwoFactor(db(), {
        actor: accountAdmin,
        auditActor: testSetupActor,
        userId: onlyTheirs.id,
        inAccount: mine,
      }),
    ).toEqual({ ok: false, reason: 'notFound' });
    expect(await leftOf(onlyTheirs.id)).toEqual(everything);
  });

  it('lets an account admin reset a user who is only in their account', async () => {
    const mine = await makeAccount({ managed: false });
    const accountAdmin = await makeUser(null, [[mine, 'admin']]);
    const member = await makeUser(null, [[mine, 'standard']]);
    await withTwoFactor(member.id);
    expect(
      await resetTwoFactor(db(), {
        actor: accountAdmin,
        auditActor: testSetupActor,
        userId: member.id,
        inAccount: mine,
      }),
    ).toEqual({ ok: true });
    expect(await leftOf(member.id)).toEqual(nothing);
  });
});
