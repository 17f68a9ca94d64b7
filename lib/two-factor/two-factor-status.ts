import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { twoFactorMethods, type TwoFactorMethod } from '@/db/schema';
import { countRecoveryCodesLeft } from './recovery-codes';

/** What a user has set up for the second step; never a secret or a code. */
export interface TwoFactorStatus {
  authenticator: boolean;
  email: boolean;
  recoveryCodesLeft: number;
  /** The method that last signed the user in: the sign-in asks for it first. */
  lastUsed: TwoFactorMethod | null;
}

export async function readTwoFactorStatus(db: Database, userId: string): Promise<TwoFactorStatus> {
  const [methods, recoveryCodesLeft] = await Promise.all([
    db
      .select({ method: twoFactorMethods.method, lastUsedAt: twoFactorMethods.lastUsedAt })
      .from(twoFactorMethods)
      .where(and(eq(twoFactorMethods.userId, userId), isNotNull(twoFactorMethods.confirmedAt))),
    countRecoveryCodesLeft(db, userId),
  ]);
  const lastUsed = methods
    .filter((row) => row.lastUsedAt)
    .sort((a, b) => b.lastUsedAt!.getTime() - a.lastUsedAt!.getTime())[0];
  return {
    authenticator: methods.some((row) => row.method === 'totp'),
    email: methods.some((row) => row.method === 'email'),
    recoveryCodesLeft,
    lastUsed: lastUsed?.method ?? null,
  };
}

/** Whether the user has any method at all (confirmed), whatever may suspend it. */
export function hasAnyMethod(status: TwoFactorStatus): boolean {
  return status.authenticator || status.email;
}
