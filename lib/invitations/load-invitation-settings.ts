import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { hostSettings } from '@/db/schema';

/** The host name (for the email) and how long a new invitation lives (Host settings). */
export async function loadInvitationSettings(
  db: Database,
): Promise<{ hostName: string; lifetimeHours: number }> {
  const [row] = await db
    .select({
      hostName: hostSettings.hostName,
      lifetimeHours: hostSettings.invitationLifetimeHours,
    })
    .from(hostSettings)
    .where(eq(hostSettings.id, 1))
    .limit(1);
  // The first migration inserts the row; the fallback only covers a database emptied by hand.
  return row ?? { hostName: 'Gatehouse', lifetimeHours: 72 };
}
