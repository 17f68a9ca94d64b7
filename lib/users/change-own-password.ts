import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { deleteUserSessions } from '@/lib/auth/sessions';
import { signInSucceeded, takeSignInAttempt } from '@/lib/auth/sign-in-throttle';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';

export type ChangeOwnPasswordResult =
  | { ok: true }
  | { ok: false; reason: 'wrongCurrentPassword' }
  | { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * A signed-in user replaces their password after proving the current one. Guesses count
 * against the same per-email limit as sign-in, so a borrowed session cannot be used to try
 * passwords faster than the sign-in page allows. Every other browser of the user is signed
 * out; the one that made the change (`keepSessionToken`) stays signed in.
 */
export async function changeOwnPassword(
  db: Database,
  options: {
    userId: string;
    email: string;
    currentPassword: string;
    newPassword: string;
    keepSessionToken: string | null;
    clientAddress: string | null;
    actor: AuditActor;
  },
): Promise<ChangeOwnPasswordResult> {
  const who = { email: options.email, clientAddress: options.clientAddress };
  const admission = await takeSignInAttempt(db, who);
  if (!admission.admitted) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };

  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, options.userId))
    .limit(1);
  const currentHash = user?.passwordHash;
  if (!currentHash || !(await verifyPassword(currentHash, options.currentPassword))) {
    return admission.blockedUntil
      ? { ok: false, reason: 'throttled', retryAt: admission.blockedUntil }
      : { ok: false, reason: 'wrongCurrentPassword' };
  }

  const passwordHash = await hashPassword(options.newPassword);
  const changed = await db.transaction(async (tx) => {
    // Only if the hash is still the one just verified: a concurrent change wins, not both.
    const updated = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(and(eq(users.id, options.userId), eq(users.passwordHash, currentHash)))
      .returning({ id: users.id });
    if (updated.length === 0) return false;
    await deleteUserSessions(tx, {
      userId: options.userId,
      exceptToken: options.keepSessionToken ?? undefined,
    });
    await recordEvent(tx, options.actor, {
      type: 'user.passwordChanged',
      target: { kind: 'user', id: options.userId, label: options.email },
    });
    return true;
  });
  if (!changed) return { ok: false, reason: 'wrongCurrentPassword' };
  await signInSucceeded(db, who);
  return { ok: true };
}
