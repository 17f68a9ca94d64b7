import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/database/configured-database';
import { requireUser } from '@/lib/auth/guards';
import { mayInAccount, type AccountPermission } from '@/lib/auth/permissions';
import { loadAccountScope } from '@/lib/auth/load-account-scope';

/**
 * For pages inside an account: the signed-in user and the account, when they hold `permission`
 * there; 404 for an account that does not exist, 403 for one they may not open. A deactivated
 * account the user could otherwise open comes back `deactivated`, for the page to say so.
 */
export async function requireAccount(accountId: string, permission: AccountPermission) {
  const user = await requireUser();
  if (!z.uuid().safeParse(accountId).success) notFound();
  const account = await loadAccountScope(await getDb(), accountId);
  if (!account) notFound();
  if (mayInAccount(user, permission, account)) return { user, account, deactivated: false };
  if (
    account.status === 'deactivated' &&
    mayInAccount(user, permission, { ...account, status: 'active' })
  ) {
    return { user, account, deactivated: true };
  }
  forbidden();
}
