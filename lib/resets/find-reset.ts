import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { passwordResets, users } from '@/db/schema';
import { hashToken, isWellFormedToken } from '@/lib/crypto/tokens';

export type ResetState = 'valid' | 'expired' | 'used' | 'replaced' | 'deactivated' | 'unknown';

/**
 * The reset link behind a token with its user's email, status and language, or null for a
 * tampered, truncated or unknown token. With `lock`, the rows stay locked (FOR UPDATE) until
 * the caller's transaction ends.
 */
export async function findReset(db: Database, options: { token: string; lock?: boolean }) {
  if (!isWellFormedToken(options.token)) return null;
  const query = db
    .select({
      id: passwordResets.id,
      userId: passwordResets.userId,
      expiresAt: passwordResets.expiresAt,
      usedAt: passwordResets.usedAt,
      replacedAt: passwordResets.replacedAt,
      email: users.email,
      language: users.language,
      userStatus: users.status,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(options.token)))
    .limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * What a stored link is worth now; used wins over replaced, which wins over a user who is no
 * longer active (deactivated after the link was made), which wins over expired.
 */
export function resetState(
  row: Awaited<ReturnType<typeof findReset>>,
  now: Date = new Date(),
): ResetState {
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  if (row.replacedAt) return 'replaced';
  if (row.userStatus !== 'active') return 'deactivated';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}
