import 'server-only';
import type { Database } from '@/db/database';
import { findInvitation } from './find-invitation';
import { invitationState } from './invitation-state';

export type ReadInvitationResult =
  | { state: 'valid'; email: string; expiresAt: Date }
  | { state: 'expired' | 'used' | 'replaced' | 'deactivated' | 'unknown' };

/**
 * What the accept page shows for a link. Only reads: opening a link consumes nothing, since
 * mail scanners open links too.
 */
export async function readInvitation(
  db: Database,
  options: { token: string },
): Promise<ReadInvitationResult> {
  const row = await findInvitation(db, { token: options.token });
  const state = invitationState(row);
  if (state === 'valid' && row) return { state, email: row.email, expiresAt: row.expiresAt };
  return { state: state === 'valid' ? 'unknown' : state };
}
