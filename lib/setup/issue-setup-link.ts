import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { setupToken, users } from '@/db/schema';
import { hashToken, newToken } from '@/lib/crypto/tokens';
import { appUrl } from '@/lib/urls';

/**
 * While the instance has no user, makes a fresh one-time set-up link (the previous one dies)
 * and returns it for the server log. Once a user exists, it clears any leftover token.
 */
export async function issueSetupLinkIfNoUsers(db: Database): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [anyUser] = await tx.select({ id: users.id }).from(users).limit(1);
    if (anyUser) {
      await tx.delete(setupToken);
      return null;
    }
    const token = newToken();
    await tx
      .insert(setupToken)
      .values({ tokenHash: hashToken(token) })
      .onConflictDoUpdate({
        target: setupToken.id,
        set: { tokenHash: hashToken(token), createdAt: sql`now()` },
      });
    return appUrl('/setup', { token });
  });
}
