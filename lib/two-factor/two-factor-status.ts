import 'server-only';
import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { recoveryCodes, twoFactorMethods, type TwoFactorMethod } from '@/db/schema';

/** What a user has set up for the second step; never a secret or a code. */
export interface TwoFactorStatus {
  authenticator: boolean;
  email: boolean;
  recoveryCodesLeft: number;
  /** The method that last signed the user in: the sign-in asks for it first. */
  lastUsed: TwoFactorMethod | null;
}

export async function readTwoFactorStatus(db: Database, userId: string): Promise<TwoFactorStatus> {
  const [methods, [codes]] = await Promise.all([
    db
      .select({ method: twoFactorMethods.method, lastUsedAt: twoFactorMethods.lastUsedAt })
      .from(twoFactorMethods)
      .where(and(eq(twoFactorMethods.userId, userId), isNotNull(twoFactorMethods.confirmedAt))),
    db
      .select({ left: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
  ]);
  const lastUsed = methods
    .filter((row) => row.lastUsedAt)
    .sort((a, b) => b.lastUsedAt!.getTime() - a.lastUsedAt!.getTime())[0];
  return {
    authenticator: methods.some((row) => row.method === 'totp'),
    email: methods.some((row) => row.method === 'email'),
    recoveryCodesLeft: codes?.left ?? 0,
    lastUsed: lastUsed?.method ?? null,
  };
}

/** Whether the user has any method at all (confirmed), whatever may suspend it. */
export function hasAnyMethod(status: TwoFactorStatus): boolean {
  return status.authenticator || status.email;
}
