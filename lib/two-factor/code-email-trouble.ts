import 'server-only';
import { and, desc, eq, gte } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox } from '@/db/schema';
import type { SmtpDiagnosis } from '@/lib/smtp/smtp-diagnosis';

/**
 * Why the latest code email of this sign-in is not reaching the user, if it is not: failed for
 * good, still being retried after a failure, or held by the deployment's allow-list. Null while
 * it is on its way or was sent. Only emails since `since` (the challenge's start) count.
 */
export async function codeEmailTrouble(
  db: Database,
  { userId, since }: { userId: string; since: Date },
): Promise<
  | { status: 'failed' | 'retrying'; problem: SmtpDiagnosis | null }
  | { status: 'held'; problem: null }
  | null
> {
  const [latest] = await db
    .select({ status: outbox.status, lastError: outbox.lastError })
    .from(outbox)
    .where(and(eq(outbox.supersedeKey, `two-factor-code:${userId}`), gte(outbox.createdAt, since)))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  if (!latest) return null;
  const problem = latest.lastError as SmtpDiagnosis | null;
  if (latest.status === 'failed') return { status: 'failed', problem };
  if (latest.status === 'held') return { status: 'held', problem: null };
  if (latest.status === 'queued' && problem) return { status: 'retrying', problem };
  return null;
}
