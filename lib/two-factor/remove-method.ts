import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { recoveryCodes, twoFactorMethods, type TwoFactorMethod } from '@/db/schema';
import type { HostRole } from '@/lib/auth/permissions';
import { policyRequires, readTwoFactorPolicy } from './two-factor-policy';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordTwoFactorEvent } from './record-two-factor-event';

export type RemoveMethodResult = { ok: true } | { ok: false; reason: 'required' };

/**
 * Removes one of the user's own methods. The last one cannot go while the host requires a
 * second step of this user; with it go the recovery codes, which then guard nothing.
 */
export async function removeTwoFactorMethod(
  db: Database,
  options: {
    userId: string;
    hostRole: HostRole | null;
    method: TwoFactorMethod;
    actor: AuditActor;
  },
): Promise<RemoveMethodResult> {
  const required = policyRequires(await readTwoFactorPolicy(db), options.hostRole);
  return db.transaction(async (tx) => {
    // Locked, so two removals at once cannot each leave the other as "the last one".
    const methods = await tx
      .select({ method: twoFactorMethods.method })
      .from(twoFactorMethods)
      .where(
        and(eq(twoFactorMethods.userId, options.userId), isNotNull(twoFactorMethods.confirmedAt)),
      )
      .for('update');
    const others = methods.filter((row) => row.method !== options.method);
    if (required && others.length === 0) return { ok: false, reason: 'required' } as const;
    await tx
      .delete(twoFactorMethods)
      .where(
        and(
          eq(twoFactorMethods.userId, options.userId),
          eq(twoFactorMethods.method, options.method),
        ),
      );
    if (others.length === 0) {
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, options.userId));
    }
    if (methods.length > others.length) {
      await recordTwoFactorEvent(tx, options.actor, {
        type: 'user.twoFactorRemoved',
        userId: options.userId,
        details: {
          method: options.method === 'totp' ? 'authenticator' : 'email',
          lastMethod: others.length === 0,
        },
      });
    }
    return { ok: true } as const;
  });
}
