import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accounts } from '@/db/schema';
import { accountScopeColumns } from './account-scope-columns';

export type AccountInScope = NonNullable<Awaited<ReturnType<typeof loadAccountScope>>>;

/** One account's name and the columns permission checks need, or null when it is gone. */
export async function loadAccountScope(db: Database, accountId: string) {
  const [account] = await db
    .select(accountScopeColumns)
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .limit(1);
  return account ?? null;
}
