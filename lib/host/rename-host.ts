import 'server-only';
import type { Database } from '@/db/database';
import { hostSettings } from '@/db/schema';

/**
 * Sets the host name (PRODUCT.md "Words": editable by host admins). An upsert, so a settings
 * row removed by hand is recreated rather than the rename silently doing nothing.
 */
export async function renameHost(db: Database, options: { hostName: string }): Promise<void> {
  const now = new Date();
  await db
    .insert(hostSettings)
    .values({ id: 1, hostName: options.hostName, updatedAt: now })
    .onConflictDoUpdate({
      target: hostSettings.id,
      set: { hostName: options.hostName, updatedAt: now },
    });
}
