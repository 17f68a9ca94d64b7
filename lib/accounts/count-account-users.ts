import 'server-only';
import { count, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships } from '@/db/schema';

/** How many users hold a role in the account (any status): the account's overview. */
export async function countAccountUsers(db: Database, accountId: string): Promise<number> {
  const [row] = await db
    .select({ users: count() })
    .from(accountMemberships)
    .where(eq(accountMemberships.accountId, accountId));
  return row?.users ?? 0;
}
