import 'server-only';
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { twoFactorMethods } from '@/db/schema';
import { storedUserAgent } from '@/lib/audit/audit-actor';
import { createSession } from '@/lib/auth/sessions';
import { secondStepSucceeded, takeSecondStepAttempt } from '@/lib/auth/sign-in-throttle';
import { countRefusedCode } from './count-refused-code';
import { emailCodeMatches, readEmailCode } from './email-code';
import { spendRecoveryCode } from './recovery-codes';
import type { CodeKind } from './second-step';
import { endSignInChallenge, readSignInChallenge, type SignInChallenge } from './sign-in-challenge';
import { matchTotpStep } from './totp';
import { openTotpSecret } from './totp-secret';
import { metrics } from '@/lib/metrics/registry';

export type VerifySecondStepResult =
  | { ok: true; userId: string; sessionToken: string }
  /** No live challenge: never started, expired, ended, or the user deactivated meanwhile. */
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'throttled'; retryAt: Date }
  | { ok: false; reason: 'wrongCode'; attemptsLeft: number }
  /** An emailed code that was right once: past its 10 minutes, or replaced by a newer one. */
  | { ok: false; reason: 'expiredCode' | 'replacedCode'; attemptsLeft: number }
  /** That was the last wrong code this attempt allows: start again with the password. */
  | { ok: false; reason: 'ended' };

type Verdict = 'right' | 'wrongCode' | 'expiredCode' | 'replacedCode';

/** Thrown to roll the transaction back: the code was refused, for this reason. */
class RefusedCode extends Error {
  constructor(readonly verdict: Exclude<Verdict, 'right'>) {
    super(verdict);
  }
}

/** Accepts the authenticator's code once: only a step after the last accepted one. */
async function spendAuthenticatorCode(
  db: Database,
  { userId, code, at }: { userId: string; code: string; at: Date },
): Promise<boolean> {
  const [method] = await db
    .select({
      sealedSecret: twoFactorMethods.sealedSecret,
      lastUsedStep: twoFactorMethods.lastUsedStep,
    })
    .from(twoFactorMethods)
    .where(
      and(
        eq(twoFactorMethods.userId, userId),
        eq(twoFactorMethods.method, 'totp'),
        isNotNull(twoFactorMethods.confirmedAt),
      ),
    )
    .limit(1);
  if (!method?.sealedSecret) return false;
  const step = matchTotpStep(openTotpSecret(method.sealedSecret), code, {
    at,
    lastUsedStep: method.lastUsedStep,
  });
  if (step === null) return false;
  // Guarded by the step: two requests with the same code, on any instance, succeed once.
  const used = await db
    .update(twoFactorMethods)
    .set({ lastUsedStep: step, lastUsedAt: at })
    .where(
      and(
        eq(twoFactorMethods.userId, userId),
        eq(twoFactorMethods.method, 'totp'),
        or(isNull(twoFactorMethods.lastUsedStep), lt(twoFactorMethods.lastUsedStep, step)),
      ),
    )
    .returning({ userId: twoFactorMethods.userId });
  return used.length === 1;
}

/**
 * The second step of a sign-in: checks the code against the challenge's user and, when it is
 * right, ends the challenge and opens the session in one transaction. Counted per user and per
 * client like passwords; five wrong codes end the attempt.
 */
export async function verifySecondStep(
  db: Database,
  options: SecondStepAnswer,
): Promise<VerifySecondStepResult> {
  const result = await checkSecondStep(db, options);
  metrics().signIns.inc({ step: 'code', outcome: result.ok ? 'succeeded' : result.reason });
  return result;
}

interface SecondStepAnswer {
  challengeToken: string | null | undefined;
  kind: CodeKind;
  code: string;
  clientAddress: string | null;
  userAgent?: string | null;
  at?: Date;
}

async function checkSecondStep(
  db: Database,
  options: SecondStepAnswer,
): Promise<VerifySecondStepResult> {
  const challenge = await readSignInChallenge(db, options.challengeToken);
  if (!challenge || challenge.step !== 'verify') return { ok: false, reason: 'expired' };
  const who = { userId: challenge.userId, clientAddress: options.clientAddress };
  const admission = await takeSecondStepAttempt(db, who);
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };

  // Ended first, so of two requests finishing one sign-in only one goes on; a wrong code rolls
  // the ending back (and uses up nothing), then counts against the challenge.
  const result = await db
    .transaction(async (tx) => {
      if (!(await endSignInChallenge(tx, challenge.tokenHash))) return 'expired' as const;
      const verdict = await checkCode(tx, challenge, options);
      if (verdict !== 'right') throw new RefusedCode(verdict);
      return createSession(tx, {
        userId: challenge.userId,
        userAgent: options.userAgent,
        clientAddress: options.clientAddress,
        proof: options.kind,
      });
    })
    .catch((error: unknown) => {
      if (error instanceof RefusedCode) return error;
      throw error;
    });
  if (result === 'expired') return { ok: false, reason: 'expired' };
  if (result instanceof RefusedCode) {
    const attemptsLeft = await countRefusedCode(db, {
      challenge,
      visitor: {
        kind: 'visitor',
        clientAddress: options.clientAddress,
        userAgent: storedUserAgent(options.userAgent),
      },
      code: options.kind,
      reason: result.verdict,
      throttled: admission.blockedUntil !== null,
    });
    if (attemptsLeft === 0) return { ok: false, reason: 'ended' };
    if (admission.blockedUntil) {
      return { ok: false, reason: 'throttled', retryAt: admission.blockedUntil };
    }
    return { ok: false, reason: result.verdict, attemptsLeft };
  }
  await secondStepSucceeded(db, who);
  return { ok: true, userId: challenge.userId, sessionToken: result };
}

async function checkCode(
  db: Database,
  challenge: SignInChallenge,
  options: { kind: CodeKind; code: string; at?: Date },
): Promise<Verdict> {
  const code = options.code.trim();
  const at = options.at ?? new Date();
  if (options.kind === 'email') return checkEmailCode(db, challenge, { code, at });
  const right =
    options.kind === 'recovery'
      ? await spendRecoveryCode(db, { userId: challenge.userId, code })
      : await spendAuthenticatorCode(db, {
          userId: challenge.userId,
          code: code.replace(/\s/g, ''),
          at,
        });
  return right ? 'right' : 'wrongCode';
}

/** The emailed code of this challenge, while it lives: each challenge ends at its first use. */
async function checkEmailCode(
  db: Database,
  challenge: SignInChallenge,
  { code, at }: { code: string; at: Date },
): Promise<Verdict> {
  const digits = readEmailCode(code);
  if (emailCodeMatches(digits, challenge.emailCodeHash, challenge.tokenHash)) {
    if (!challenge.emailCodeExpiresAt || challenge.emailCodeExpiresAt <= at) return 'expiredCode';
    await db
      .update(twoFactorMethods)
      .set({ lastUsedAt: at })
      .where(
        and(eq(twoFactorMethods.userId, challenge.userId), eq(twoFactorMethods.method, 'email')),
      );
    return 'right';
  }
  if (emailCodeMatches(digits, challenge.replacedEmailCodeHash, challenge.tokenHash)) {
    return 'replacedCode';
  }
  return 'wrongCode';
}
