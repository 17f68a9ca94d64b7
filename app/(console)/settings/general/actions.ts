// Server actions of Host settings → General: the host name, the invitation lifetime, and how
// long the delivery log and the audit log keep their rows.
'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { auditRetentionSchema, setAuditRetention } from '@/lib/host/audit-retention';
import { emailRetentionSchema, setEmailRetention } from '@/lib/host/email-retention';
import { hostNameField } from '@/lib/host/host-name-field';
import { invitationLifetimeSchema, setInvitationLifetime } from '@/lib/host/invitation-lifetime';
import { renameHost } from '@/lib/host/rename-host';

const renameHostSchema = z.object({ hostName: hostNameField });

export const renameHostAction = action(
  { schema: renameHostSchema, access: 'host.settings' },
  async ({ hostName }, { db, actor }) => {
    await renameHost(db, { hostName, actor });
    // The name is in the header and every page title: re-render the whole console.
    revalidatePath('/', 'layout');
    return { ok: true, data: undefined };
  },
);

export const setInvitationLifetimeAction = action(
  { schema: invitationLifetimeSchema, access: 'host.settings' },
  async ({ hours }, { db, actor }) => {
    await setInvitationLifetime(db, { hours, actor });
    revalidatePath('/settings/general');
    return { ok: true, data: undefined };
  },
);

export const setEmailRetentionAction = action(
  { schema: emailRetentionSchema, access: 'host.settings' },
  async ({ days }, { db, actor }) => {
    await setEmailRetention(db, { days, actor });
    revalidatePath('/settings/general');
    return { ok: true, data: undefined };
  },
);

export const setAuditRetentionAction = action(
  { schema: auditRetentionSchema, access: 'host.settings' },
  async ({ days }, { db, actor }) => {
    await setAuditRetention(db, { days, actor });
    revalidatePath('/settings/general');
    revalidatePath('/settings/audit');
    return { ok: true, data: undefined };
  },
);
