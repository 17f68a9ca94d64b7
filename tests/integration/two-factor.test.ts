import { hash } from '@node-rs/argon2';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  hostSettings,
  recoveryCodes,
  signInChallenges,
  throttle,
  twoFactorMethods,
  users,
  type TwoFactorPolicy,
} from '@/db/schema';
import type { HostRole } from '@/lib/auth/permissions';
import { readSession } from '@/lib/auth/read-session';
import { deleteUserSessions } from '@/lib/auth/sessions';
import { signIn } from '@/lib/sign-in/sign-in';
import { fromBase32 } from '@/lib/two-factor/base32';
import {
  confirmAuthenticator,
  startAuthenticatorSetup,
} from '@/lib/two-factor/authenticator-setup';
import { countRecoveryCodesLeft } from '@/lib/two-factor/recovery-codes';
import { removeTwoFactorMethod } from '@/lib/two-factor/remove-method';
import { finishSetUpAtSignIn, startSetUpAtSignIn } from '@/lib/two-factor/set-up-at-sign-in';
import { deleteExpiredChallenges } from '@/lib/two-factor/sign-in-challenge';
import { totpCode, totpStep } from '@/lib/two-factor/totp';
import { verifySecondStep } from '@/lib/two-factor/verify-second-step';
import { testSetupActor } from '../support/audit-actors';
import { setUnreachableSmtp } from '../support/test-smtp-settings';
import { withTestDatabase } from '../support/with-test-database';

const database = withTestDatabase('two_factor');
const db = () => database().handle.db;
const password = 'correct horse battery staple';
let counter = 0;

beforeAll(() => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
});
beforeEach(async () => {
  await setPolicy('optional');
  // Counts of earlier tests must not leak into the next (the client address is shared).
  await db().delete(throttle);
});

async function setPolicy(policy: TwoFactorPolicy) {
  await db().update(hostSettings).set({ twoFactorPolicy: policy }).where(eq(hostSettings.id, 1));
}

async function makeUser(hostRole: HostRole | null = 'admin') {
  const email = `two-factor${++counter}@example.test`;
  const [row] = await db()
    .insert(users)
    .values({ email, status: 'active', hostRole, passwordHash: await hash(password) })
    .returning({ id: users.id });
  return { id: row!.id, email };
}

/** Sets up and confirms an authenticator; returns its secret and the recovery codes. */
async function withAuthenticator(user: { id: string; email: string }) {
  const offer = await startAuthenticatorSetup(db(), {
    userId: user.id,
    email: user.email,
    issuer: 'Host',
  });
  if (!offer.ok) throw new Error('set-up refused');
  const secret = fromBase32(offer.secret)!;
  // A step back: the sign-ins of the test use the current step, each code only once.
  const confirmed = await confirmAuthenticator(db(), {
    actor: testSetupActor,
    userId: user.id,
    code: totpCode(secret, totpStep(new Date()) - 1),
  });
  if (!confirmed.ok || !confirmed.recoveryCodes) throw new Error('confirmation refused');
  return { secret, recoveryCodes: confirmed.recoveryCodes };
}

const clientAddress = '192.0.2.44';

async function passwordStep(email: string) {
  const result = await signIn(db(), { email, password, clientAddress });
  if (result.ok || result.reason !== 'secondStep')
    throw new Error(`no second step: ${JSON.stringify(result)}`);
  return result;
}

describe('two-factor sign-in', () => {
  it('with the policy off, asks nothing even of a user with an authenticator', async () => {
    const user = await makeUser();
    await withAuthenticator(user);
    await setPolicy('off');
    expect(await signIn(db(), { email: user.email, password, clientAddress })).toMatchObject({
      ok: true,
      userId: user.id,
    });
  });

  it('asks for the code after the right password; the challenge is no session', async () => {
    const user = await makeUser();
    const { secret } = await withAuthenticator(user);
    const step = await passwordStep(user.email);
    expect(step.step).toBe('verify');
    expect(await readSession(db(), step.challengeToken)).toBeNull();
    const [stored] = await db()
      .select()
      .from(signInChallenges)
      .where(eq(signInChallenges.userId, user.id));
    expect(stored!.tokenHash).not.toBe(step.challengeToken);

    const result = await verifySecondStep(db(), {
      challengeToken: step.challengeToken,
      kind: 'authenticator',
      code: totpCode(secret, totpStep(new Date())),
      clientAddress,
    });
    expect(result).toMatchObject({ ok: true, userId: user.id });
    if (!result.ok) throw new Error('unreachable');
    expect((await readSession(db(), result.sessionToken))?.id).toBe(user.id);
    // The challenge is used up: it opens nothing more.
    expect(
      await verifySecondStep(db(), {
        challengeToken: step.challengeToken,
        kind: 'authenticator',
        code: totpCode(secret, totpStep(new Date()) + 1),
        clientAddress,
      }),
    ).toEqual({ ok: false, reason: 'expired' });
  });

  it('accepts a code once, and a step ahead of the clock, but not two', async () => {
    const user = await makeUser();
    const { secret } = await withAuthenticator(user);
    const now = totpStep(new Date());
    const verify = async (code: string) =>
      verifySecondStep(db(), {
        challengeToken: (await passwordStep(user.email)).challengeToken,
        kind: 'authenticator',
        code,
        clientAddress,
      });
    expect(await verify(totpCode(secret, now + 2))).toMatchObject({
      ok: false,
      reason: 'wrongCode',
    });
    expect(await verify(totpCode(secret, now))).toMatchObject({ ok: true });
    // Used: the same code again, or an earlier one, is refused.
    expect(await verify(totpCode(secret, now))).toMatchObject({ ok: false, reason: 'wrongCode' });
    expect(await verify(totpCode(secret, now - 1))).toMatchObject({
      ok: false,
      reason: 'wrongCode',
    });
    expect(await verify(totpCode(secret, now + 1))).toMatchObject({ ok: true });
  });

  it('keeps the authenticator secret sealed at rest', async () => {
    const user = await makeUser();
    const { secret } = await withAuthenticator(user);
    const [row] = await db()
      .select({ sealedSecret: twoFactorMethods.sealedSecret })
      .from(twoFactorMethods)
      .where(eq(twoFactorMethods.userId, user.id));
    expect(row!.sealedSecret).toMatch(/^v1:/);
    expect(row!.sealedSecret).not.toContain(secret.toString('base64'));
  });

  it('takes a recovery code once, in any case and with or without its dash', async () => {
    const user = await makeUser();
    const { recoveryCodes: codes } = await withAuthenticator(user);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const code = codes[3]!;
    const verify = async (typed: string) =>
      verifySecondStep(db(), {
        challengeToken: (await passwordStep(user.email)).challengeToken,
        kind: 'recovery',
        code: typed,
        clientAddress,
      });
    expect(await verify(` ${code.replace('-', '').toUpperCase()} `)).toMatchObject({ ok: true });
    expect(await verify(code)).toMatchObject({ ok: false, reason: 'wrongCode' });
    expect(await countRecoveryCodesLeft(db(), user.id)).toBe(9);
  });

  it('ends the attempt at the fifth wrong code', async () => {
    const user = await makeUser();
    const { secret } = await withAuthenticator(user);
    const step = await passwordStep(user.email);
    const wrong = () =>
      verifySecondStep(db(), {
        challengeToken: step.challengeToken,
        kind: 'authenticator',
        code: '000000' === totpCode(secret, totpStep(new Date())) ? '111111' : '000000',
        clientAddress,
      });
    for (const attemptsLeft of [4, 3, 2, 1]) {
      expect(await wrong()).toEqual({ ok: false, reason: 'wrongCode', attemptsLeft });
    }
    expect(await wrong()).toEqual({ ok: false, reason: 'ended' });
    expect(
      await verifySecondStep(db(), {
        challengeToken: step.challengeToken,
        kind: 'authenticator',
        code: totpCode(secret, totpStep(new Date())),
        clientAddress,
      }),
    ).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses an expired challenge, and one whose user was deactivated', async () => {
    const user = await makeUser();
    const { secret } = await withAuthenticator(user);
    const verify = (challengeToken: string) =>
      verifySecondStep(db(), {
        challengeToken,
        kind: 'authenticator',
        code: totpCode(secret, totpStep(new Date())),
        clientAddress,
      });
    const expiring = await passwordStep(user.email);
    await db()
      .update(signInChallenges)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(signInChallenges.userId, user.id));
    expect(await verify(expiring.challengeToken)).toEqual({ ok: false, reason: 'expired' });

    const pending = await passwordStep(user.email);
    await db().update(users).set({ status: 'deactivated' }).where(eq(users.id, user.id));
    expect(await verify(pending.challengeToken)).toEqual({ ok: false, reason: 'expired' });
    expect(await verify('not a token')).toEqual({ ok: false, reason: 'expired' });
  });

  it('ends a sign-in waiting for its second step when the user is signed out everywhere', async () => {
    const user = await makeUser();
    const { secret } = await withAuthenticator(user);
    const step = await passwordStep(user.email);
    // What a password change, a reset, a deactivation and "Sign out everywhere" all call.
    await deleteUserSessions(db(), { userId: user.id });
    expect(
      await verifySecondStep(db(), {
        challengeToken: step.challengeToken,
        kind: 'authenticator',
        code: totpCode(secret, totpStep(new Date())),
        clientAddress,
      }),
    ).toEqual({ ok: false, reason: 'expired' });
  });

  it('opens one session when the same code arrives twice at once', async () => {
    const user = await makeUser();
    const { recoveryCodes: codes } = await withAuthenticator(user);
    const step = await passwordStep(user.email);
    const results = await Promise.all(
      [0, 1].map(() =>
        verifySecondStep(db(), {
          challengeToken: step.challengeToken,
          kind: 'recovery',
          code: codes[0]!,
          clientAddress,
        }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await countRecoveryCodesLeft(db(), user.id)).toBe(9);
  });

  it('counts codes per user across sign-ins: the eleventh in 15 minutes is refused', async () => {
    const user = await makeUser();
    const { secret } = await withAuthenticator(user);
    const right = totpCode(secret, totpStep(new Date()));
    const wrongCode = right === '000000' ? '111111' : '000000';
    let last;
    for (let n = 0; n < 11; n += 1) {
      const step = await passwordStep(user.email);
      last = await verifySecondStep(db(), {
        challengeToken: step.challengeToken,
        kind: 'authenticator',
        code: n < 10 ? wrongCode : right,
        clientAddress: `198.51.100.${n}`,
      });
    }
    expect(last).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('requires host admins to set up a method right after the password', async () => {
    await setPolicy('required_for_host_admins');
    const member = await makeUser(null);
    expect(await signIn(db(), { email: member.email, password, clientAddress })).toMatchObject({
      ok: true,
    });
    const admin = await makeUser('admin');
    const step = await passwordStep(admin.email);
    expect(step.step).toBe('set_up');
    // Not a code step: no code opens it.
    expect(
      await verifySecondStep(db(), {
        challengeToken: step.challengeToken,
        kind: 'authenticator',
        code: '123456',
        clientAddress,
      }),
    ).toEqual({ ok: false, reason: 'expired' });

    const offer = await startSetUpAtSignIn(db(), step.challengeToken, 'Host');
    if (!offer.ok) throw new Error('set-up refused');
    const secret = fromBase32(offer.secret)!;
    const finished = await finishSetUpAtSignIn(db(), {
      challengeToken: step.challengeToken,
      method: 'totp',
      code: totpCode(secret, totpStep(new Date())),
      clientAddress,
    });
    expect(finished).toMatchObject({ ok: true });
    if (!finished.ok) throw new Error('unreachable');
    expect(finished.recoveryCodes).toHaveLength(10);
    expect((await readSession(db(), finished.sessionToken))?.id).toBe(admin.id);
    // From now on the admin is asked for a code.
    expect((await passwordStep(admin.email)).step).toBe('verify');
  });

  it('never locks out an email-code user while SMTP is off', async () => {
    const user = await makeUser('standard');
    await db()
      .insert(twoFactorMethods)
      .values({ userId: user.id, method: 'email', confirmedAt: new Date() });
    await setUnreachableSmtp(db(), false);
    // Recovery codes left: they are asked for.
    const { recoveryCodes: codes } = await withAuthenticator(user);
    await removeTwoFactorMethod(db(), {
      actor: testSetupActor,
      userId: user.id,
      hostRole: 'standard',
      method: 'totp',
    });
    const step = await passwordStep(user.email);
    expect(step.step).toBe('verify');
    expect(
      await verifySecondStep(db(), {
        challengeToken: step.challengeToken,
        kind: 'recovery',
        code: codes[0]!,
        clientAddress,
      }),
    ).toMatchObject({ ok: true });
    // None left: the password is enough, unless the host requires a second step.
    await db()
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(eq(recoveryCodes.userId, user.id));
    expect(await signIn(db(), { email: user.email, password, clientAddress })).toMatchObject({
      ok: true,
    });
    await setPolicy('required_for_everyone');
    expect((await passwordStep(user.email)).step).toBe('set_up');
    // SMTP back on: the emailed code is the way again.
    await setUnreachableSmtp(db(), true);
    expect((await passwordStep(user.email)).step).toBe('verify');
  });

  it('keeps the last method while the host requires one; removing it drops the codes', async () => {
    const user = await makeUser('admin');
    await withAuthenticator(user);
    await setPolicy('required_for_host_admins');
    expect(
      await removeTwoFactorMethod(db(), {
        actor: testSetupActor,
        userId: user.id,
        hostRole: 'admin',
        method: 'totp',
      }),
    ).toEqual({ ok: false, reason: 'required' });
    await setPolicy('optional');
    expect(
      await removeTwoFactorMethod(db(), {
        actor: testSetupActor,
        userId: user.id,
        hostRole: 'admin',
        method: 'totp',
      }),
    ).toEqual({ ok: true });
    expect(await countRecoveryCodesLeft(db(), user.id)).toBe(0);
    expect(await signIn(db(), { email: user.email, password, clientAddress })).toMatchObject({
      ok: true,
    });
  });

  it('refuses a confirmation against a secret replaced by a second "Set up"', async () => {
    const user = await makeUser();
    const first = await startAuthenticatorSetup(db(), {
      userId: user.id,
      email: user.email,
      issuer: 'Host',
    });
    const second = await startAuthenticatorSetup(db(), {
      userId: user.id,
      email: user.email,
      issuer: 'Host',
    });
    if (!first.ok || !second.ok) throw new Error('set-up refused');
    const code = (offer: typeof first & { ok: true }) =>
      totpCode(fromBase32(offer.secret)!, totpStep(new Date()));
    expect(
      await confirmAuthenticator(db(), {
        actor: testSetupActor,
        userId: user.id,
        code: code(first),
      }),
    ).toEqual({
      ok: false,
      reason: 'wrongCode',
    });
    expect(
      await confirmAuthenticator(db(), {
        actor: testSetupActor,
        userId: user.id,
        code: code(second),
      }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await startAuthenticatorSetup(db(), { userId: user.id, email: user.email, issuer: 'Host' }),
    ).toEqual({ ok: false, reason: 'alreadySetUp' });
  });

  it('sweeps abandoned sign-ins only, in batches', async () => {
    await db().delete(signInChallenges);
    const user = await makeUser();
    await withAuthenticator(user);
    for (let n = 0; n < 3; n += 1) await passwordStep(user.email);
    const live = await passwordStep(user.email);
    await db()
      .update(signInChallenges)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(
        and(
          eq(signInChallenges.userId, user.id),
          sql`${signInChallenges.tokenHash} <> encode(sha256(${live.challengeToken}::bytea), 'hex')`,
        ),
      );
    expect(await deleteExpiredChallenges(db(), { limit: 2 })).toBe(2);
    expect(await deleteExpiredChallenges(db(), { limit: 2 })).toBe(1);
    expect(await deleteExpiredChallenges(db(), { limit: 2 })).toBe(0);
    const left = await db()
      .select()
      .from(signInChallenges)
      .where(eq(signInChallenges.userId, user.id));
    expect(left).toHaveLength(1);
  });
});
