import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { hostSettings } from '@/db/schema';
import type { AuditActor } from '@/lib/audit/audit-actor';
import type { AuditEventType } from '@/lib/audit/event-types';
import { recordEvent } from '@/lib/audit/record-event';

type HostSettingsRow = typeof hostSettings.$inferSelect;

/** The host settings a host admin changes one at a time, and the event each change records. */
const eventOf = {
  hostName: 'host.renamed',
  invitationLifetimeHours: 'host.invitationLifetimeChanged',
  emailRetentionDays: 'host.emailRetentionChanged',
  auditRetentionDays: 'host.auditRetentionChanged',
  twoFactorPolicy: 'host.twoFactorPolicyChanged',
} as const satisfies Partial<Record<keyof HostSettingsRow, AuditEventType>>;
export type HostSetting = keyof typeof eventOf;

/**
 * Changes one host setting and records it (old → new) in the same transaction; setting the value
 * it already has changes and records nothing. The row is created when missing (removed by
 * hand), so the change never silently does nothing. A value outside the database's checks is a
 * caller's bug: the check refuses it, and this throws.
 */
export async function changeHostSetting<Setting extends HostSetting>(
  db: Database,
  options: { setting: Setting; value: HostSettingsRow[Setting]; actor: AuditActor },
): Promise<void> {
  const { setting, value, actor } = options;
  await db.transaction(async (tx) => {
    await tx.insert(hostSettings).values({ id: 1 }).onConflictDoNothing();
    // Locked: of two changes at once, the second records the first one's value as "from".
    const [before] = await tx
      .select({ value: hostSettings[setting] })
      .from(hostSettings)
      .where(eq(hostSettings.id, 1))
      .for('update');
    if (before!.value === value) return;
    await tx
      .update(hostSettings)
      .set({ [setting]: value, updatedAt: new Date() })
      .where(eq(hostSettings.id, 1));
    await recordEvent(tx, actor, {
      type: eventOf[setting],
      target: { kind: 'host' },
      details: { from: before!.value, to: value },
    });
  });
}
