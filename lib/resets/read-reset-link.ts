import 'server-only';
import type { Database } from '@/db/database';
import { findReset, resetState, type ResetState } from './find-reset';

export type ReadResetResult =
  { state: 'valid'; email: string } | { state: Exclude<ResetState, 'valid'> };

/** What the reset page shows for a link. Only reads: mail scanners open links too. */
export async function readResetLink(
  db: Database,
  options: { token: string },
): Promise<ReadResetResult> {
  const row = await findReset(db, options);
  const state = resetState(row);
  if (state === 'valid' && row) return { state, email: row.email };
  return { state: state === 'valid' ? 'unknown' : state };
}
