import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { setupToken, users } from '@/db/schema';
import { hashToken } from '@/lib/crypto/tokens';

/** done: a user exists (the set-up page is gone); valid / invalid: the token given. */
export type SetupState = 'done' | 'valid' | 'invalid';

export async function setupState(db: Database, token: string | undefined): Promise<SetupState> {
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyUser) return 'done';
  if (!token) return 'invalid';
  const [row] = await db
    .select({ id: setupToken.id })
    .from(setupToken)
    .where(eq(setupToken.tokenHash, hashToken(token)))
    .limit(1);
  return row ? 'valid' : 'invalid';
}
