import 'server-only';
import type { Database } from '@/db/database';
import type { SignInStep } from '@/db/schema';
import type { HostRole } from '@/lib/auth/permissions';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { policyRequires, readTwoFactorPolicy, twoFactorInUse } from './two-factor-policy';
import { readTwoFactorStatus, type TwoFactorStatus } from './two-factor-status';

/** The ways a user can pass the second step right now. */
export interface UsableMethods {
  authenticator: boolean;
  email: boolean;
  /** Set up, but paused because the host's email (SMTP) is off. */
  emailSuspended: boolean;
  recoveryCodesLeft: number;
  /** What the second step asks for first: the method last used, else the app, else email. */
  preferred: CodeKind;
}

/** How a code is given: from the authenticator app, by email, or one of the recovery codes. */
export type CodeKind = 'authenticator' | 'email' | 'recovery';

function usableMethods(status: TwoFactorStatus, smtpEnabled: boolean): UsableMethods {
  const email = status.email && smtpEnabled;
  const preferred: CodeKind =
    email && (status.lastUsed === 'email' || !status.authenticator)
      ? 'email'
      : status.authenticator
        ? 'authenticator'
        : 'recovery';
  return {
    authenticator: status.authenticator,
    email,
    emailSuspended: status.email && !smtpEnabled,
    recoveryCodesLeft: status.recoveryCodesLeft,
    preferred,
  };
}

/** How the user can pass the second step now (SMTP is asked only of users with email codes). */
export async function readUsableMethods(db: Database, userId: string): Promise<UsableMethods> {
  const status = await readTwoFactorStatus(db, userId);
  return usableMethods(status, status.email && (await isSmtpEnabled(db)));
}

/**
 * What follows a right password: nothing (a session at once), a code (`verify`), or setting up
 * a method first (`set_up`, when the host requires one the user has no working way to pass).
 * An emailed code paused by SMTP being off never locks anyone out: the recovery codes still
 * work, and with none left the password is enough unless the host requires a second step.
 */
export async function secondStepAfterPassword(
  db: Database,
  user: { id: string; hostRole: HostRole | null },
): Promise<{ step: SignInStep; usable: UsableMethods } | null> {
  const policy = await readTwoFactorPolicy(db);
  if (!twoFactorInUse(policy)) return null;
  const usable = await readUsableMethods(db, user.id);
  if (usable.authenticator || usable.email) return { step: 'verify', usable };
  if (usable.emailSuspended && usable.recoveryCodesLeft > 0) return { step: 'verify', usable };
  return policyRequires(policy, user.hostRole) ? { step: 'set_up', usable } : null;
}
