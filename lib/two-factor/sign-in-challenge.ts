import 'server-only';
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { signInChallenges, users, type SignInStep } from '@/db/schema';
import { hashToken, isWellFormedToken, newToken } from '@/lib/crypto/tokens';
import type { HostRole } from '@/lib/auth/permissions';
import type { CredentialsUser } from '@/lib/auth/verify-credentials';
import type { Locale } from '@/lib/i18n/locales';

/** How long the second step may take after the password: the cookie lives as long. */
export const challengeLifetimeMs = 10 * 60_000;
/** Wrong codes that end a sign-in attempt: the password must be entered again. */
const challengeMaxFailures = 5;

/**
 * Starts the second step of a sign-in whose password was right. Returns the cookie's token and
 * the challenge as `readSignInChallenge` would read it, so the sign-in need not read it back.
 */
export async function openSignInChallenge(
  db: Database,
  options: { user: CredentialsUser; step: SignInStep },
): Promise<{ token: string; challenge: SignInChallenge }> {
  const { user, step } = options;
  const token = newToken();
  const tokenHash = hashToken(token);
  const [row] = await db
    .insert(signInChallenges)
    .values({
      tokenHash,
      userId: user.id,
      step,
      expiresAt: new Date(Date.now() + challengeLifetimeMs),
    })
    .returning({ createdAt: signInChallenges.createdAt, expiresAt: signInChallenges.expiresAt });
  return {
    token,
    challenge: {
      tokenHash,
      userId: user.id,
      email: user.email,
      language: user.language,
      hostRole: user.hostRole,
      step,
      failedAttempts: 0,
      createdAt: row!.createdAt,
      expiresAt: row!.expiresAt,
      emailCodeHash: null,
      replacedEmailCodeHash: null,
      emailCodeExpiresAt: null,
      emailCodeSentAt: null,
    },
  };
}

export interface SignInChallenge {
  tokenHash: string;
  userId: string;
  email: string;
  language: Locale;
  hostRole: HostRole | null;
  step: SignInStep;
  failedAttempts: number;
  createdAt: Date;
  expiresAt: Date;
  /** The emailed code out for this sign-in (its hash), the one it replaced, and their times. */
  emailCodeHash: string | null;
  replacedEmailCodeHash: string | null;
  emailCodeExpiresAt: Date | null;
  emailCodeSentAt: Date | null;
}

/** The live challenge a cookie names, of a user still active; null for anything else. */
export async function readSignInChallenge(
  db: Database,
  token: string | null | undefined,
): Promise<SignInChallenge | null> {
  if (!token || !isWellFormedToken(token)) return null;
  const [row] = await db
    .select({
      tokenHash: signInChallenges.tokenHash,
      userId: signInChallenges.userId,
      email: users.email,
      language: users.language,
      hostRole: users.hostRole,
      step: signInChallenges.step,
      failedAttempts: signInChallenges.failedAttempts,
      createdAt: signInChallenges.createdAt,
      expiresAt: signInChallenges.expiresAt,
      emailCodeHash: signInChallenges.emailCodeHash,
      replacedEmailCodeHash: signInChallenges.replacedEmailCodeHash,
      emailCodeExpiresAt: signInChallenges.emailCodeExpiresAt,
      emailCodeSentAt: signInChallenges.emailCodeSentAt,
    })
    .from(signInChallenges)
    .innerJoin(users, eq(users.id, signInChallenges.userId))
    .where(
      and(
        eq(signInChallenges.tokenHash, hashToken(token)),
        gt(signInChallenges.expiresAt, sql`now()`),
        eq(users.status, 'active'),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Counts a wrong code against the challenge; the one that reaches the limit deletes it.
 * Returns how many tries are left (0: the attempt is over).
 */
export async function countChallengeFailure(db: Database, tokenHash: string): Promise<number> {
  const [row] = await db
    .update(signInChallenges)
    .set({ failedAttempts: sql`${signInChallenges.failedAttempts} + 1` })
    .where(eq(signInChallenges.tokenHash, tokenHash))
    .returning({ failedAttempts: signInChallenges.failedAttempts });
  const left = row ? challengeMaxFailures - row.failedAttempts : 0;
  if (left <= 0) await endSignInChallenge(db, tokenHash);
  return Math.max(0, left);
}

/**
 * Ends a challenge, and says whether this call ended it: of two requests finishing the same
 * sign-in, only one opens a session.
 */
export async function endSignInChallenge(db: Database, tokenHash: string): Promise<boolean> {
  const deleted = await db
    .delete(signInChallenges)
    .where(eq(signInChallenges.tokenHash, tokenHash))
    .returning({ tokenHash: signInChallenges.tokenHash });
  return deleted.length === 1;
}

/**
 * Deletes at most `limit` challenges past their expiry (sign-ins abandoned after the password)
 * and returns how many; rows another process holds are skipped.
 */
export async function deleteExpiredChallenges(
  db: Database,
  { limit }: { limit: number },
): Promise<number> {
  const expired = db
    .select({ tokenHash: signInChallenges.tokenHash })
    .from(signInChallenges)
    .where(lt(signInChallenges.expiresAt, sql`now()`))
    .limit(limit)
    .for('update', { skipLocked: true });
  const deleted = await db
    .delete(signInChallenges)
    .where(inArray(signInChallenges.tokenHash, expired))
    .returning({ tokenHash: signInChallenges.tokenHash });
  return deleted.length;
}
