// Server action of Host settings → Security: the two-factor sign-in policy.
'use server';

import { revalidatePath } from 'next/cache';
import { action } from '@/lib/actions/action';
import { setTwoFactorPolicy, twoFactorPolicySchema } from '@/lib/two-factor/two-factor-policy';

export const setTwoFactorPolicyAction = action(
  { schema: twoFactorPolicySchema, access: 'host.settings' },
  async ({ policy }, { db, actor }) => {
    await setTwoFactorPolicy(db, { policy, actor });
    // The Profile page says what the policy asks of each user.
    revalidatePath('/', 'layout');
    return { ok: true, data: undefined };
  },
);
