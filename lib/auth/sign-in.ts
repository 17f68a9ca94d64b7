import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { users } from '@/db/schema';
import { verifyAgainstNothing, verifyPassword } from './passwords';
import { createSession } from './sessions';
import { clearSignInFailures, recordSignInFailure, signInBlockedUntil } from './sign-in-throttle';

export type SignInResult =
  | { ok: true; userId: string; sessionToken: string }
  /** One answer for unknown email, wrong password, pending or deactivated user. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAt: Date };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks an email and password and, when they match an active user, opens a session. */
export async function signIn(
  db: Database,
  options: {
    email: string;
    password: string;
    clientAddress: string | null;
    userAgent?: string | null;
  },
): Promise<SignInResult> {
  // No address has one, and PostgreSQL refuses NUL in text: not worth a query, nor a count.
  if (/\p{Cc}/u.test(options.email)) return { ok: false, reason: 'invalid' };
  const email = normalizeEmail(options.email);
  const who = { email, clientAddress: options.clientAddress };
  const blockedUntil = await signInBlockedUntil(db, who);
  if (blockedUntil) return { ok: false, reason: 'throttled', retryAt: blockedUntil };

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const matches = user?.passwordHash
    ? await verifyPassword(user.passwordHash, options.password)
    : await verifyAgainstNothing(options.password);

  if (!user || !matches || user.status !== 'active') {
    await recordSignInFailure(db, who);
    const nowBlocked = await signInBlockedUntil(db, who);
    return nowBlocked
      ? { ok: false, reason: 'throttled', retryAt: nowBlocked }
      : { ok: false, reason: 'invalid' };
  }
  await clearSignInFailures(db, email);
  const sessionToken = await createSession(db, { userId: user.id, userAgent: options.userAgent });
  return { ok: true, userId: user.id, sessionToken };
}
