import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { passwordResets } from '@/db/schema';

/** Marks every reset link of the user that is neither used nor replaced yet as replaced: dead. */
export async function replaceOpenResets(tx: Database, userId: string, now: Date): Promise<void> {
  await tx
    .update(passwordResets)
    .set({ replacedAt: now })
    .where(
      and(
        eq(passwordResets.userId, userId),
        isNull(passwordResets.usedAt),
        isNull(passwordResets.replacedAt),
      ),
    );
}
