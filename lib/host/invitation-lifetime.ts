import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { changeHostSetting } from './change-host-setting';

/** PRODUCT.md: an invitation lives 1 hour to 30 days. */
const invitationLifetimeLimits = { minHours: 1, maxHours: 720 } as const;

/** The form: a whole number of hours or days, within the limits once converted to hours. */
export const invitationLifetimeSchema = z
  .object({
    amount: z.coerce.number('invitationLifetime').int('invitationLifetime'),
    unit: z.enum(['hours', 'days'], 'invalid'),
  })
  .transform(({ amount, unit }) => ({ hours: unit === 'days' ? amount * 24 : amount }))
  .refine(
    ({ hours }) =>
      hours >= invitationLifetimeLimits.minHours && hours <= invitationLifetimeLimits.maxHours,
    { message: 'invitationLifetime', path: ['amount'] },
  );

/** Sets how long new invitation links live; links already made keep their expiry. */
export async function setInvitationLifetime(
  db: Database,
  options: { hours: number; actor: AuditActor },
): Promise<void> {
  await changeHostSetting(db, {
    setting: 'invitationLifetimeHours',
    value: options.hours,
    actor: options.actor,
  });
}
