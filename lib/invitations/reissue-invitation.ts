import 'server-only';
import type { Database } from '@/db/database';
import { replaceOpenInvitations } from './replace-open-invitations';
import type { PreparedInvitation } from './prepare-invitation';
import { storeInvitation } from './store-invitation';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Gives a pending user a new link inside the caller's transaction: their older unused links
 * die at once (replaced) and the new email supersedes any older one still waiting.
 */
export async function reissueInvitation(
  tx: Database,
  invitee: { userId: string; email: string; language: Locale },
  prepared: PreparedInvitation,
  createdBy: string,
): Promise<string | null> {
  await replaceOpenInvitations(tx, invitee.userId, new Date());
  return storeInvitation(tx, invitee, prepared, createdBy);
}
