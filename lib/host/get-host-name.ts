import 'server-only';
import { cache } from 'react';
import { eq } from 'drizzle-orm';
import { getDb } from '@/lib/database/configured-database';
import { hostSettings } from '@/db/schema';

/**
 * The host name shown in the console's header and page titles. Cached per request, so the
 * layout and its metadata read it once.
 */
export const getHostName = cache(async function getHostName(): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ hostName: hostSettings.hostName })
    .from(hostSettings)
    .where(eq(hostSettings.id, 1))
    .limit(1);
  // The first migration inserts the row; the fallback only covers a database emptied by hand.
  return row?.hostName ?? 'Gatehouse';
});
