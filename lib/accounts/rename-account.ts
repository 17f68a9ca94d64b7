import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accounts } from '@/db/schema';
import { accountNameTaken } from './account-name-taken';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';

export type RenameAccountResult =
  { ok: true; name: string } | { ok: false; reason: 'notFound' | 'duplicateName' };

/**
 * Renames an account (the caller's action checked who may); names stay unique ignoring case.
 * The audit log records old → new in the same transaction; the same name again records nothing.
 */
export async function renameAccount(
  db: Database,
  options: { accountId: string; name: string; actor: AuditActor },
): Promise<RenameAccountResult> {
  const name = options.name.trim();
  if (await accountNameTaken(db, name, options.accountId)) {
    return { ok: false, reason: 'duplicateName' };
  }
  const renamed = await db
    .transaction(async (tx) => {
      const [before] = await tx
        .select({ name: accounts.name })
        .from(accounts)
        .where(eq(accounts.id, options.accountId))
        .for('update');
      if (!before) return undefined;
      if (before.name === name) return before;
      await tx
        .update(accounts)
        .set({ name, updatedAt: new Date() })
        .where(eq(accounts.id, options.accountId));
      await recordEvent(tx, options.actor, {
        type: 'account.renamed',
        target: { kind: 'account', id: options.accountId, label: name },
        accountId: options.accountId,
        details: { from: before.name, to: name },
      });
      return before;
    })
    .catch((error: unknown) => {
      // Another account took the name between the check and the write.
      if (isUniqueViolation(error)) return undefined;
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
