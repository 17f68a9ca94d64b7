import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { invitations } from '@/db/schema';

/** Marks every link of the user that is neither used nor replaced yet as replaced: dead. */
export async function replaceOpenInvitations(
  tx: Database,
  userId: string,
  now: Date,
): Promise<void> {
  await tx
    .update(invitations)
    .set({ replacedAt: now })
    .where(
      and(
        eq(invitations.userId, userId),
        isNull(invitations.usedAt),
        isNull(invitations.replacedAt),
      ),
    );
}
