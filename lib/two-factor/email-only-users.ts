import 'server-only';
import { and, count, eq, isNotNull, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/database';
import { twoFactorMethods, users } from '@/db/schema';

const authenticator = alias(twoFactorMethods, 'authenticator');

/**
 * Active users whose only method is the emailed code: with SMTP off they can pass the second
 * step with a recovery code only. The first `limit` addresses, and how many there are.
 */
export async function findEmailOnlyUsers(
  db: Database,
  { limit }: { limit: number },
): Promise<{ emails: string[]; total: number }> {
  const emailOnly = and(
    eq(users.status, 'active'),
    notExists(
      db
        .select({ one: sql`1` })
        .from(authenticator)
        .where(
          and(
            eq(authenticator.userId, users.id),
            eq(authenticator.method, 'totp'),
            isNotNull(authenticator.confirmedAt),
          ),
        ),
    ),
  );
  const withEmailMethod = and(
    eq(twoFactorMethods.userId, users.id),
    eq(twoFactorMethods.method, 'email'),
    isNotNull(twoFactorMethods.confirmedAt),
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({ email: users.email })
      .from(twoFactorMethods)
      .innerJoin(users, withEmailMethod)
      .where(emailOnly)
      .orderBy(users.email)
      .limit(limit),
    db
      .select({ total: count() })
      .from(twoFactorMethods)
      .innerJoin(users, withEmailMethod)
      .where(emailOnly),
  ]);
  return { emails: rows.map((row) => row.email), total: counted?.total ?? 0 };
}
