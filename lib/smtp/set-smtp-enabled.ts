import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { smtpSettings } from '@/db/schema';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';
import type { SmtpSwitchPlace } from './smtp-switch-place';
import { environmentSmtp, environmentSmtpSwitch } from './environment-smtp';

export type SetSmtpEnabledResult =
  | { ok: true; enabled: boolean }
  | { ok: false; reason: 'notConfigured' | 'changedMeanwhile' | 'setByEnvironment' };

/**
 * The SMTP switch. Turning it on needs a saved configuration, and the version the admin saw:
 * if someone saved other values meanwhile, the admin must look at them first. A switch to the
 * state it is already in changes nothing and records nothing. While SMTP_ENABLED (or the
 * environment's whole configuration) sets it, the switch is locked.
 */
export async function setSmtpEnabled(
  db: Database,
  options: {
    enabled: boolean;
    version: string | undefined;
    actor: AuditActor;
    place: SmtpSwitchPlace;
  },
): Promise<SetSmtpEnabledResult> {
  if (environmentSmtpSwitch() !== null || environmentSmtp()) {
    return { ok: false, reason: 'setByEnvironment' };
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ updatedAt: smtpSettings.updatedAt, enabled: smtpSettings.enabled })
      .from(smtpSettings)
      .where(eq(smtpSettings.id, 1))
      .for('update');
    if (!row) return { ok: false, reason: 'notConfigured' } as const;
    if (options.enabled && options.version !== row.updatedAt.toISOString()) {
      return { ok: false, reason: 'changedMeanwhile' } as const;
    }
    if (row.enabled === options.enabled) return { ok: true, enabled: options.enabled } as const;
    await tx.update(smtpSettings).set({ enabled: options.enabled }).where(eq(smtpSettings.id, 1));
    await recordEvent(tx, options.actor, {
      type: 'smtp.switched',
      target: { kind: 'smtp' },
      details: { enabled: options.enabled, place: options.place },
    });
    return { ok: true, enabled: options.enabled } as const;
  });
}
