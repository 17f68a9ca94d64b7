import 'server-only';
import { and, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accounts } from '@/db/schema';

/**
 * Whether another account already has this name, ignoring case (the unique index
 * `accounts_name_unique` enforces the same when two requests race).
 */
export async function accountNameTaken(
  db: Database,
  name: string,
  exceptAccountId?: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        sql`lower(${accounts.name}) = lower(${name.trim()})`,
        exceptAccountId ? ne(accounts.id, exceptAccountId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}
