import 'server-only';
import { and, gt, inArray, max, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { signInThrottle } from '@/db/schema';

// Failures counted within a window; reaching the limit blocks the key for the block time.
// Per email it stops guessing one account's password; per client it stops spraying many.
const windowMinutes = 15;
const blockMinutes = 15;
const limits = { email: 5, client: 20 } as const;

type ThrottleKind = keyof typeof limits;

function keysFor(options: { email: string; clientAddress: string | null }) {
  const keys: { key: string; kind: ThrottleKind }[] = [
    { key: `email:${options.email}`, kind: 'email' },
  ];
  if (options.clientAddress) keys.push({ key: `client:${options.clientAddress}`, kind: 'client' });
  return keys;
}

/** When the sign-in may be tried again, if the email or the client is blocked now. */
export async function signInBlockedUntil(
  db: Database,
  options: { email: string; clientAddress: string | null },
): Promise<Date | null> {
  const [row] = await db
    .select({ until: max(signInThrottle.blockedUntil) })
    .from(signInThrottle)
    .where(
      and(
        inArray(
          signInThrottle.key,
          keysFor(options).map((k) => k.key),
        ),
        gt(signInThrottle.blockedUntil, sql`now()`),
      ),
    );
  return row?.until ? new Date(row.until) : null;
}

/** Counts a failed sign-in against the email and the client, in one statement per key. */
export async function recordSignInFailure(
  db: Database,
  options: { email: string; clientAddress: string | null },
): Promise<void> {
  for (const { key, kind } of keysFor(options)) {
    const windowOver = sql`${signInThrottle.windowStartedAt} < now() - make_interval(mins => ${windowMinutes})`;
    const failures = sql`case when ${windowOver} then 1 else ${signInThrottle.failures} + 1 end`;
    await db
      .insert(signInThrottle)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          failures,
          windowStartedAt: sql`case when ${windowOver} then now() else ${signInThrottle.windowStartedAt} end`,
          blockedUntil: sql`case when ${failures} >= ${limits[kind]} then now() + make_interval(mins => ${blockMinutes}) else ${signInThrottle.blockedUntil} end`,
        },
      });
  }
}

/** A successful sign-in clears the email's count (the client's stays: it may be spraying). */
export async function clearSignInFailures(db: Database, email: string): Promise<void> {
  await db.delete(signInThrottle).where(inArray(signInThrottle.key, [`email:${email}`]));
}
