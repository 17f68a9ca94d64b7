import { hash } from '@node-rs/argon2';
import { and, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  hostSettings,
  outbox,
  signInChallenges,
  smtpSettings,
  throttle,
  twoFactorMethods,
  users,
  type TwoFactorPolicy,
} from '@/db/schema';
import type { HostRole } from '@/lib/auth/permissions';
import { readSession } from '@/lib/auth/read-session';
import { openPayload } from '@/lib/outbox/outbox-payload';
import { signIn } from '@/lib/sign-in/sign-in';
import { confirmEmailSetup, startEmailSetup } from '@/lib/two-factor/email-setup';
import { readUsableMethods } from '@/lib/two-factor/second-step';
import { sendSignInCode } from '@/lib/two-factor/send-sign-in-code';
import { finishSetUpAtSignIn, startEmailSetUpAtSignIn } from '@/lib/two-factor/set-up-at-sign-in';
import { readSignInChallenge } from '@/lib/two-factor/sign-in-challenge';
import { switchSmtp } from '@/lib/two-factor/switch-smtp';
import { verifySecondStep } from '@/lib/two-factor/verify-second-step';
import { testSetupActor } from '../support/audit-actors';
import { setUnreachableSmtp } from '../support/test-smtp-settings';
import { withTestDatabase } from '../support/with-test-database';

const database = withTestDatabase('two_factor_email');
const db = () => database().handle.db;
const password = 'correct horse battery staple';
const clientAddress = '192.0.2.45';
let counter = 0;

beforeAll(() => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
});
beforeEach(async () => {
  await setPolicy('optional');
  await setUnreachableSmtp(db(), true);
  await db().delete(throttle);
});

async function setPolicy(policy: TwoFactorPolicy) {
  await db().update(hostSettings).set({ twoFactorPolicy: policy }).where(eq(hostSettings.id, 1));
}

async function makeUser(hostRole: HostRole | null = 'standard') {
  const email = `emailed${++counter}@example.test`;
  const [row] = await db()
    .insert(users)
    .values({ email, status: 'active', hostRole, passwordHash: await hash(password) })
    .returning({ id: users.id });
  return { id: row!.id, email, language: 'en' as const };
}

/** The code in the newest email to `email` of the kind, read from the outbox's sealed payload. */
async function lastCodeTo(email: string): Promise<string> {
  const [row] = await db()
    .select({ payload: outbox.payloadEncrypted, status: outbox.status })
    .from(outbox)
    .where(and(eq(outbox.recipient, email), eq(outbox.kind, 'two-factor-code')))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(1);
  expect(row?.status).toBe('queued');
  const code = openPayload(row!.payload!).text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error('no code in the email');
  return code;
}

/** A user with emailed codes turned on through the Profile's set-up. */
async function withEmailCodes(user: Awaited<ReturnType<typeof makeUser>>) {
  expect(await startEmailSetup(db(), user)).toEqual({ ok: true, sentTo: user.email });
  const confirmed = await confirmEmailSetup(db(), {
    actor: testSetupActor,
    userId: user.id,
    code: await lastCodeTo(user.email),
    clientAddress,
  });
  if (!confirmed.ok || !confirmed.recoveryCodes) throw new Error('set-up refused');
  return confirmed.recoveryCodes;
}

async function passwordStep(email: string) {
  const result = await signIn(db(), { email, password, clientAddress });
  if (result.ok || result.reason !== 'secondStep') throw new Error('no second step');
  return result;
}

const verify = (challengeToken: string, code: string) =>
  verifySecondStep(db(), { challengeToken, kind: 'email', code, clientAddress });

/** Lets "Send a new code" through at once: the last one counts as sent a minute ago. */
async function sentAMinuteAgo(userId: string) {
  await db()
    .update(signInChallenges)
    .set({ emailCodeSentAt: sql`now() - interval '1 minute'` })
    .where(eq(signInChallenges.userId, userId));
}

const switchedBy = { actor: testSetupActor, place: 'dashboard' } as const;

describe('emailed codes', () => {
  it('turn on with a code sent to the address, and the first method brings recovery codes', async () => {
    const user = await makeUser();
    expect(await startEmailSetup(db(), user)).toMatchObject({ ok: true });
    expect(
      await confirmEmailSetup(db(), {
        actor: testSetupActor,
        userId: user.id,
        code: '000000' === (await lastCodeTo(user.email)) ? '111111' : '000000',
        clientAddress,
      }),
    ).toEqual({ ok: false, reason: 'wrongCode' });
    // Asked again at once: the code just sent is on its way.
    expect(await startEmailSetup(db(), user)).toMatchObject({ ok: false, reason: 'tooSoon' });
    const codes = await withEmailCodesAfterReset(user);
    expect(codes).toHaveLength(10);
    expect(await startEmailSetup(db(), user)).toEqual({ ok: false, reason: 'alreadySetUp' });
  });

  it('cannot be turned on while SMTP is off', async () => {
    const user = await makeUser();
    await setUnreachableSmtp(db(), false);
    expect(await startEmailSetup(db(), user)).toEqual({ ok: false, reason: 'smtpOff' });
  });

  it('are emailed at the password step and sign in once; stored only as a keyed hash', async () => {
    const user = await makeUser();
    await withEmailCodes(user);
    const step = await passwordStep(user.email);
    expect(step.emailQueued).toBe(true);
    const code = await lastCodeTo(user.email);
    const [stored] = await db()
      .select({ hash: signInChallenges.emailCodeHash })
      .from(signInChallenges)
      .where(eq(signInChallenges.userId, user.id));
    expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.hash).not.toContain(code);

    const result = await verify(step.challengeToken, code);
    expect(result).toMatchObject({ ok: true, userId: user.id });
    if (!result.ok) throw new Error('unreachable');
    expect((await readSession(db(), result.sessionToken))?.id).toBe(user.id);
    expect(await verify(step.challengeToken, code)).toEqual({ ok: false, reason: 'expired' });
  });

  it('tell a wrong, an expired and a replaced code apart', async () => {
    const user = await makeUser();
    await withEmailCodes(user);
    const step = await passwordStep(user.email);
    const first = await lastCodeTo(user.email);
    const wrong = first === '000000' ? '111111' : '000000';
    expect(await verify(step.challengeToken, wrong)).toEqual({
      ok: false,
      reason: 'wrongCode',
      attemptsLeft: 4,
    });

    await sentAMinuteAgo(user.id);
    const challenge = await readSignInChallenge(db(), step.challengeToken);
    expect(await sendSignInCode(db(), challenge!, await readUsableMethods(db(), user.id))).toEqual({
      ok: true,
      sentTo: user.email,
    });
    const second = await lastCodeTo(user.email);
    // The first email was cancelled: its code is dead and must not go out late.
    const statuses = await db()
      .select({ status: outbox.status })
      .from(outbox)
      .where(and(eq(outbox.recipient, user.email), eq(outbox.kind, 'two-factor-code')));
    expect(statuses.filter((row) => row.status === 'queued')).toHaveLength(1);
    if (first !== second) {
      expect(await verify(step.challengeToken, first)).toEqual({
        ok: false,
        reason: 'replacedCode',
        attemptsLeft: 3,
      });
    }
    await db()
      .update(signInChallenges)
      .set({ emailCodeExpiresAt: sql`now() - interval '1 second'` })
      .where(eq(signInChallenges.userId, user.id));
    expect(await verify(step.challengeToken, second)).toMatchObject({
      ok: false,
      reason: 'expiredCode',
    });
  });

  it('are sent at most every 30 seconds per sign-in and 5 times in 15 minutes per user', async () => {
    const user = await makeUser();
    await withEmailCodes(user);
    const step = await passwordStep(user.email);
    const challenge = () => readSignInChallenge(db(), step.challengeToken).then((found) => found!);
    expect(
      await sendSignInCode(db(), await challenge(), await readUsableMethods(db(), user.id)),
    ).toMatchObject({
      ok: false,
      reason: 'tooSoon',
    });
    // The password step sent one; four more go, the sixth is refused.
    for (let n = 0; n < 4; n += 1) {
      await sentAMinuteAgo(user.id);
      expect(
        await sendSignInCode(db(), await challenge(), await readUsableMethods(db(), user.id)),
      ).toMatchObject({ ok: true });
    }
    await sentAMinuteAgo(user.id);
    expect(
      await sendSignInCode(db(), await challenge(), await readUsableMethods(db(), user.id)),
    ).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
  });

  it('pause while SMTP is off: the authenticator or a recovery code instead, never a lock-out', async () => {
    const user = await makeUser();
    const recoveryCodes = await withEmailCodes(user);
    await setUnreachableSmtp(db(), false);
    const step = await passwordStep(user.email);
    expect(step).toMatchObject({ step: 'verify', emailQueued: false });
    const challenge = await readSignInChallenge(db(), step.challengeToken);
    expect(await sendSignInCode(db(), challenge!, await readUsableMethods(db(), user.id))).toEqual({
      ok: false,
      reason: 'unavailable',
    });
    expect(
      await verifySecondStep(db(), {
        challengeToken: step.challengeToken,
        kind: 'recovery',
        code: recoveryCodes[0]!,
        clientAddress,
      }),
    ).toMatchObject({ ok: true });
  });
});

describe('emailed codes set up right after the password', () => {
  it('finish a sign-in the host requires a second step for', async () => {
    await setPolicy('required_for_everyone');
    const user = await makeUser();
    const step = await passwordStep(user.email);
    expect(step.step).toBe('set_up');
    expect(await startEmailSetUpAtSignIn(db(), step.challengeToken)).toEqual({
      ok: true,
      sentTo: user.email,
    });
    const code = await lastCodeTo(user.email);
    const finish = (typed: string) =>
      finishSetUpAtSignIn(db(), {
        challengeToken: step.challengeToken,
        method: 'email',
        code: typed,
        clientAddress,
      });
    expect(await finish(code === '000000' ? '111111' : '000000')).toEqual({
      ok: false,
      reason: 'wrongCode',
      attemptsLeft: 4,
    });
    const finished = await finish(code);
    expect(finished).toMatchObject({ ok: true });
    if (!finished.ok) throw new Error('unreachable');
    expect(finished.recoveryCodes).toHaveLength(10);
    expect((await readSession(db(), finished.sessionToken))?.id).toBe(user.id);
    // Next time the code is emailed at the password step.
    expect(await passwordStep(user.email)).toMatchObject({ step: 'verify', emailQueued: true });
  });
});

describe('the SMTP switch with emailed codes', () => {
  it('asks to confirm turning email off, naming the users who sign in only by email', async () => {
    await db().delete(twoFactorMethods);
    const onlyEmail = await makeUser();
    await withEmailCodes(onlyEmail);
    // Someone with an authenticator as well is not named.
    const both = await makeUser();
    await withEmailCodes(both);
    await db().insert(twoFactorMethods).values({
      userId: both.id,
      method: 'totp',
      sealedSecret: 'v1:not-used-here',
      confirmedAt: new Date(),
    });
    const [settings] = await db().select({ version: smtpSettings.updatedAt }).from(smtpSettings);
    const version = settings!.version.toISOString();

    expect(
      await switchSmtp(db(), { enabled: false, version, confirmed: false, ...switchedBy }),
    ).toEqual({
      ok: false,
      reason: 'emailOnlyUsers',
      emails: [onlyEmail.email],
      total: 1,
    });
    const [stillOn] = await db().select({ enabled: smtpSettings.enabled }).from(smtpSettings);
    expect(stillOn!.enabled).toBe(true);
    expect(
      await switchSmtp(db(), { enabled: false, version, confirmed: true, ...switchedBy }),
    ).toEqual({
      ok: true,
      enabled: false,
    });
  });

  it('does not ask while two-factor sign-in is off', async () => {
    const user = await makeUser();
    await withEmailCodes(user);
    await setPolicy('off');
    expect(
      await switchSmtp(db(), {
        enabled: false,
        version: undefined,
        confirmed: false,
        ...switchedBy,
      }),
    ).toEqual({
      ok: true,
      enabled: false,
    });
  });
});

/** The first test's set-up after its refusals: a minute on, the code is sent and confirmed. */
async function withEmailCodesAfterReset(user: Awaited<ReturnType<typeof makeUser>>) {
  await db()
    .update(twoFactorMethods)
    .set({ setupCodeSentAt: sql`now() - interval '1 minute'` })
    .where(eq(twoFactorMethods.userId, user.id));
  return withEmailCodes(user);
}
