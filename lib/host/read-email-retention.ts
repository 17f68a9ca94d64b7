import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { hostSettings } from '@/db/schema';

/** The column's default, for a database whose settings row was emptied by hand. */
const defaultDays = 90;

/** How many days the delivery log keeps an email that is done with (Host settings → General). */
export async function readEmailRetentionDays(db: Database): Promise<number> {
  const [row] = await db
    .select({ days: hostSettings.emailRetentionDays })
    .from(hostSettings)
    .where(eq(hostSettings.id, 1))
    .limit(1);
  // The first migration inserts the row; the fallback only covers a database emptied by hand.
  return row?.days ?? defaultDays;
}
