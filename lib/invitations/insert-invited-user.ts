import 'server-only';
import type { Database } from '@/db/database';
import { accountMemberships, users } from '@/db/schema';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';
import type { PreparedInvitation } from './prepare-invitation';
import { storeInvitation } from './store-invitation';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Creates a pending user with their role(s) and the prepared invitation, inside the caller's
 * transaction. Returns null when the address is already taken (another invite won the race at
 * the unique constraint); nothing is written then.
 */
export async function insertInvitedUser(
  tx: Database,
  options: {
    email: string;
    language: Locale;
    hostRole: HostRole | null;
    memberships: readonly { accountId: string; role: AccountRole }[];
    prepared: PreparedInvitation;
    createdBy: string;
  },
): Promise<{ userId: string; emailId: string | null } | null> {
  const { email, language } = options;
  const [user] = await tx
    .insert(users)
    .values({ email, status: 'pending', language, hostRole: options.hostRole })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (!user) return null;
  if (options.memberships.length > 0) {
    await tx
      .insert(accountMemberships)
      .values(options.memberships.map((membership) => ({ userId: user.id, ...membership })));
  }
  const emailId = await storeInvitation(
    tx,
    { userId: user.id, email, language },
    options.prepared,
    options.createdBy,
  );
  return { userId: user.id, emailId };
}
