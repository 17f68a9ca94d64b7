import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { users } from '@/db/schema';
import { verifyAgainstNothing, verifyPassword } from './passwords';
import type { Locale } from '@/lib/i18n/locales';
import type { HostRole } from './permissions';
import { signInSucceeded, takeSignInAttempt } from './sign-in-throttle';
import { storedUserAgent } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';

export type CredentialsCheck =
  | { ok: true; user: CredentialsUser }
  /** One answer for unknown email, wrong password, pending or deactivated user. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAt: Date };

/** Who the right password belongs to: what the sign-in's next step needs of them. */
export interface CredentialsUser {
  id: string;
  email: string;
  language: Locale;
  hostRole: HostRole | null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password against an active user, throttled per email and per client.
 * It opens no session: that is for lib/sign-in, after the second step the host may ask for.
 */
export async function verifyCredentials(
  db: Database,
  options: {
    email: string;
    password: string;
    clientAddress: string | null;
    userAgent?: string | null;
  },
): Promise<CredentialsCheck> {
  // No address has one, and PostgreSQL refuses NUL in text: not worth a query, nor a count.
  if (/\p{Cc}/u.test(options.email)) return { ok: false, reason: 'invalid' };
  const email = normalizeEmail(options.email);
  const who = { email, clientAddress: options.clientAddress };
  // Counted and decided before the expensive check, in one statement per key: attempts that
  // arrive together cannot all slip past the limit.
  const admission = await takeSignInAttempt(db, who);
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      language: users.language,
      hostRole: users.hostRole,
      passwordHash: users.passwordHash,
      status: users.status,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const matches = user?.passwordHash
    ? await verifyPassword(user.passwordHash, options.password)
    : await verifyAgainstNothing(options.password);

  if (!user || !matches || user.status !== 'active') {
    // Only attempts the throttle let through are recorded: an attacker's flood past the limit
    // adds no rows. The one that reached the limit says so.
    await recordEvent(
      db,
      {
        kind: 'visitor',
        clientAddress: options.clientAddress,
        userAgent: storedUserAgent(options.userAgent),
      },
      {
        type: 'signIn.failed',
        target: { kind: 'user', id: user?.id ?? null, label: email },
        details: {
          reason: !user
            ? 'unknownEmail'
            : !matches
              ? 'wrongPassword'
              : user.status === 'deactivated'
                ? 'deactivated'
                : 'pending',
          throttled: admission.blockedUntil !== null,
        },
      },
    );
    // The attempt that reached the limit answers with the block it started.
    return admission.blockedUntil
      ? { ok: false, reason: 'throttled', retryAt: admission.blockedUntil }
      : { ok: false, reason: 'invalid' };
  }
  await signInSucceeded(db, who);
  return {
    ok: true,
    user: { id: user.id, email: user.email, language: user.language, hostRole: user.hostRole },
  };
}
