import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { smtpSettings } from '@/db/schema';

export type SetSmtpEnabledResult =
  { ok: true; enabled: boolean } | { ok: false; reason: 'notConfigured' | 'changedMeanwhile' };

/**
 * The SMTP switch. Turning it on needs a saved configuration, and the version the admin saw:
 * if someone saved other values meanwhile, the admin must look at them first.
 */
export async function setSmtpEnabled(
  db: Database,
  options: { enabled: boolean; version: string | undefined },
): Promise<SetSmtpEnabledResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ updatedAt: smtpSettings.updatedAt })
      .from(smtpSettings)
      .where(eq(smtpSettings.id, 1))
      .for('update');
    if (!row) return { ok: false, reason: 'notConfigured' } as const;
    if (options.enabled && options.version !== row.updatedAt.toISOString()) {
      return { ok: false, reason: 'changedMeanwhile' } as const;
    }
    await tx.update(smtpSettings).set({ enabled: options.enabled }).where(eq(smtpSettings.id, 1));
    return { ok: true, enabled: options.enabled } as const;
  });
}
