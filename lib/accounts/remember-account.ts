import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { users } from '@/db/schema';

/** Remembers the account a user opened, for the header's picker; writes only on a change. */
export async function rememberAccount(db: Database, userId: string, accountId: string) {
  await db
    .update(users)
    .set({ lastAccountId: accountId })
    .where(and(eq(users.id, userId), sql`${users.lastAccountId} is distinct from ${accountId}`));
}
