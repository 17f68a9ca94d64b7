import 'server-only';
import { and, desc, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { invitations } from '@/db/schema';

/** When each user's open (unused, not replaced) invitation link expires, by user id. */
export async function openInvitationExpiries(
  db: Database,
  userIds: string[],
): Promise<Map<string, Date>> {
  const openLinks = await db
    .selectDistinctOn([invitations.userId], {
      userId: invitations.userId,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        inArray(invitations.userId, userIds),
        isNull(invitations.usedAt),
        isNull(invitations.replacedAt),
      ),
    )
    .orderBy(invitations.userId, desc(invitations.createdAt));
  return new Map(openLinks.map((link) => [link.userId, link.expiresAt]));
}
