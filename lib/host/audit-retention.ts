import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { hostSettings } from '@/db/schema';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { changeHostSetting } from './change-host-setting';
import { retentionDaysSchema, type RetentionLimits } from './retention-days';

/** The database's check (migration 0011): 30 days to 7 years (2,557 days). */
export const auditRetentionLimits: RetentionLimits = { minDays: 30, maxDays: 2557 };

/** The column's default (one year), for a database whose settings row was emptied by hand. */
const defaultDays = 365;

/** The form: a whole number of days within the limits. */
export const auditRetentionSchema = retentionDaysSchema(auditRetentionLimits, 'auditRetention');

/**
 * Sets how many days the audit log keeps an event; the next sweep deletes what is older. The
 * change is itself an event (old → new). A value outside the limits is a caller's bug, refused
 * by the database's check and thrown.
 */
export async function setAuditRetention(
  db: Database,
  options: { days: number; actor: AuditActor },
): Promise<void> {
  await changeHostSetting(db, {
    setting: 'auditRetentionDays',
    value: options.days,
    actor: options.actor,
  });
}

/** How many days the audit log keeps an event (Host settings → General). */
export async function readAuditRetentionDays(db: Database): Promise<number> {
  const [row] = await db
    .select({ days: hostSettings.auditRetentionDays })
    .from(hostSettings)
    .where(eq(hostSettings.id, 1))
    .limit(1);
  return row?.days ?? defaultDays;
}
