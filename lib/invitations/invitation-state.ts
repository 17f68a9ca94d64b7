import 'server-only';
import type { UserStatus } from '@/db/schema';

/**
 * What a link is worth now. `deactivated`: the user was deactivated while still pending, so
 * the link no longer lets anyone in.
 */
export type InvitationState = 'valid' | 'expired' | 'used' | 'replaced' | 'deactivated' | 'unknown';

/** The state of a stored invitation; used wins over replaced, which wins over expired. */
export function invitationState(
  row: {
    usedAt: Date | null;
    replacedAt: Date | null;
    expiresAt: Date;
    userStatus: UserStatus;
  } | null,
  now: Date = new Date(),
): InvitationState {
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  if (row.replacedAt) return 'replaced';
  if (row.userStatus === 'deactivated') return 'deactivated';
  // A pending user whose unused link is somehow not pending any more cannot accept it twice.
  if (row.userStatus !== 'pending') return 'used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}
