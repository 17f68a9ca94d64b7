import 'server-only';
import type { Database } from '@/db/database';
import type { UserActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';
import { deleteSession, deleteUserSessions } from '@/lib/auth/sessions';

/**
 * Signs the user out of this browser (`this`: the session `token` names) or every browser
 * (`everywhere`), recorded in the audit log in the same transaction.
 */
export async function signOut(
  db: Database,
  options: { scope: 'this' | 'everywhere'; token: string | null; actor: UserActor },
): Promise<void> {
  const { actor } = options;
  await db.transaction(async (tx) => {
    if (options.scope === 'this') {
      if (!options.token) return;
      await deleteSession(tx, options.token);
    } else {
      await deleteUserSessions(tx, { userId: actor.userId });
    }
    await recordEvent(tx, actor, {
      type: options.scope === 'this' ? 'signIn.signedOut' : 'user.sessionsEnded',
      target: { kind: 'user', id: actor.userId, label: actor.email },
    });
  });
}
