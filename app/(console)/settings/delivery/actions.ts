// Server action of the delivery log: Resend a failed or held email.
'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { kickOutbox } from '@/lib/outbox/kick-outbox';
import { resendEmail } from '@/lib/outbox/resend-email';

export const resendEmailAction = action(
  { schema: z.object({ id: z.uuid('invalid') }), access: 'host.settings' },
  async ({ id }, { db, t, actor }) => {
    const outcome = await resendEmail(db, { id, actor });
    if (outcome === 'notResendable') return { ok: false, formError: t('delivery.notResendable') };
    if (outcome === 'held') {
      revalidatePath('/settings/delivery');
      return { ok: false, formError: t('delivery.held.stillHeld') };
    }
    kickOutbox();
    revalidatePath('/settings/delivery');
    return { ok: true, data: undefined };
  },
);
