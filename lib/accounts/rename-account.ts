import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accounts } from '@/db/schema';
import { accountNameTaken } from './account-name-taken';

export type RenameAccountResult =
  { ok: true; name: string } | { ok: false; reason: 'notFound' | 'duplicateName' };

/** Renames an account (the caller's action checked who may); names stay unique ignoring case. */
export async function renameAccount(
  db: Database,
  options: { accountId: string; name: string },
): Promise<RenameAccountResult> {
  const name = options.name.trim();
  if (await accountNameTaken(db, name, options.accountId)) {
    return { ok: false, reason: 'duplicateName' };
  }
  const [renamed] = await db
    .update(accounts)
    .set({ name, updatedAt: new Date() })
    .where(eq(accounts.id, options.accountId))
    .returning({ id: accounts.id })
    .catch((error: unknown) => {
      // Another account took the name between the check and the write.
      if (isUniqueViolation(error)) return [undefined];
      throw error;
    });
  if (renamed === undefined) {
    return (await accountNameTaken(db, name, options.accountId))
      ? { ok: false, reason: 'duplicateName' }
      : { ok: false, reason: 'notFound' };
  }
  return { ok: true, name };
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505';
}
