import 'server-only';
import type { Database } from '@/db/database';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { changeHostSetting } from './change-host-setting';

/** Sets the host name (PRODUCT.md "Words": editable by host admins), recorded in the audit log. */
export async function renameHost(
  db: Database,
  options: { hostName: string; actor: AuditActor },
): Promise<void> {
  await changeHostSetting(db, {
    setting: 'hostName',
    value: options.hostName,
    actor: options.actor,
  });
}
