import 'server-only';
import type { Database } from '@/db/database';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { changeHostSetting } from './change-host-setting';
import { retentionDaysSchema, type RetentionLimits } from './retention-days';

/** The database's check (migration 0009): 1 day to 3,650 days (about ten years). */
export const emailRetentionLimits: RetentionLimits = { minDays: 1, maxDays: 3650 };

/** The form: a whole number of days within the limits. */
export const emailRetentionSchema = retentionDaysSchema(emailRetentionLimits, 'emailRetention');

/**
 * Sets how many days the delivery log keeps an email that is done with (sent, failed or
 * cancelled); the next sweep deletes what is older. A value outside the limits is a caller's
 * bug, refused by the database's check and thrown.
 */
export async function setEmailRetention(
  db: Database,
  options: { days: number; actor: AuditActor },
): Promise<void> {
  await changeHostSetting(db, {
    setting: 'emailRetentionDays',
    value: options.days,
    actor: options.actor,
  });
}
