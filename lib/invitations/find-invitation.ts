import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { invitations, users } from '@/db/schema';
import { hashToken, isWellFormedToken } from '@/lib/crypto/tokens';

/**
 * The invitation behind a link's token and its user's email and status, or null for a
 * tampered, truncated or unknown token. With `lock`, the invitation and user rows stay locked
 * (FOR UPDATE) until the caller's transaction ends.
 */
export async function findInvitation(db: Database, options: { token: string; lock?: boolean }) {
  if (!isWellFormedToken(options.token)) return null;
  const query = db
    .select({
      id: invitations.id,
      userId: invitations.userId,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      replacedAt: invitations.replacedAt,
      email: users.email,
      userStatus: users.status,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(eq(invitations.tokenHash, hashToken(options.token)))
    .limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}
