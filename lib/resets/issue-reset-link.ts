import 'server-only';
import type { Database } from '@/db/database';
import { passwordResets } from '@/db/schema';
import { hashToken, newToken } from '@/lib/crypto/tokens';
import { replaceOpenResets } from './replace-open-resets';
import { resetLifetimeMs, resetLink, type ResetKind } from './reset-link';

/**
 * Makes a new reset link for a user inside the caller's transaction; every older open reset
 * link of theirs dies at once (replaced). Only the token's hash is stored.
 */
export async function issueResetLink(
  tx: Database,
  options: { userId: string; kind: ResetKind; createdBy: string | null },
): Promise<{ link: string; expiresAt: Date }> {
  const now = new Date();
  await replaceOpenResets(tx, options.userId, now);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + resetLifetimeMs[options.kind]);
  await tx.insert(passwordResets).values({
    userId: options.userId,
    tokenHash: hashToken(token),
    kind: options.kind,
    expiresAt,
    createdBy: options.createdBy,
  });
  return { link: resetLink(token), expiresAt };
}
