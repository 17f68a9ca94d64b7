import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { changeHostSetting } from '@/lib/host/change-host-setting';
import { hostSettings, twoFactorPolicyEnum, type TwoFactorPolicy } from '@/db/schema';
import type { HostRole } from '@/lib/auth/permissions';

const twoFactorPolicies = twoFactorPolicyEnum.enumValues;

/** The Security form: one of the policies. */
export const twoFactorPolicySchema = z.object({
  policy: z.enum(twoFactorPolicies, 'twoFactorPolicy'),
});

/** Host settings → Security: who must pass a second step. Off where the row was emptied by hand. */
export async function readTwoFactorPolicy(db: Database): Promise<TwoFactorPolicy> {
  const [row] = await db
    .select({ policy: hostSettings.twoFactorPolicy })
    .from(hostSettings)
    .where(eq(hostSettings.id, 1))
    .limit(1);
  return row?.policy ?? 'off';
}

export async function setTwoFactorPolicy(
  db: Database,
  options: { policy: TwoFactorPolicy; actor: AuditActor },
): Promise<void> {
  await changeHostSetting(db, {
    setting: 'twoFactorPolicy',
    value: options.policy,
    actor: options.actor,
  });
}

/** Whether the policy makes a second step compulsory for a user of this host role. */
export function policyRequires(policy: TwoFactorPolicy, hostRole: HostRole | null): boolean {
  if (policy === 'required_for_everyone') return true;
  return policy === 'required_for_host_admins' && hostRole === 'admin';
}

/** Whether users may set up methods and are asked for them at all. */
export function twoFactorInUse(policy: TwoFactorPolicy): boolean {
  return policy !== 'off';
}
