import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, users } from '@/db/schema';

/** The pending admin an account in setup waits for (the earliest invited), if any. */
export async function pendingAccountAdmin(db: Database, accountId: string) {
  const [admin] = await db
    .select({ id: users.id, email: users.email, language: users.language })
    .from(accountMemberships)
    .innerJoin(users, eq(users.id, accountMemberships.userId))
    .where(
      and(
        eq(accountMemberships.accountId, accountId),
        eq(accountMemberships.role, 'admin'),
        eq(users.status, 'pending'),
      ),
    )
    .orderBy(asc(users.createdAt))
    .limit(1);
  return admin ?? null;
}
