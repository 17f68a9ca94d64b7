import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { accountMemberships, smtpSettings, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/read-session';
import { environmentSmtp } from '@/lib/smtp/environment-smtp';

/**
 * Why an address cannot be invited, in words that tell the inviter nothing they may not see.
 *
 * `alreadyUser` only when the inviter may see that user: host users run the instance and see
 * it whole; anyone else (an account admin) only when the user already holds a role in one of
 * the accounts being invited into, so is on that account's own Users list.
 *
 * `notInvitable` for a user of the instance the inviter may not see (a host user, another
 * account's user) and, with the same answer, for the address this instance sends email from:
 * nobody may hold it (mail to it would go nowhere), and an account admin knows it from every
 * email they get. So the answer alone does not prove that someone holds an address.
 *
 * Why not add such a user to the account instead: PRODUCT.md has an invitation create a new
 * pending user, and only a host admin give an existing user a role in another account; and
 * adding would give an account admin a say over someone else's user unasked.
 */
export async function takenAddress(
  db: Database,
  options: { inviter: SessionUser; email: string; accountIds: readonly string[] },
): Promise<'alreadyUser' | 'notInvitable' | null> {
  const { inviter, email, accountIds } = options;
  const fromEnvironment = environmentSmtp();
  const [[existing], [sender]] = await Promise.all([
    db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1),
    fromEnvironment
      ? [{ email: fromEnvironment.config.senderEmail }]
      : db
          .select({ email: smtpSettings.senderEmail })
          .from(smtpSettings)
          .where(eq(smtpSettings.id, 1)),
  ]);
  if (!existing) return sender?.email.toLowerCase() === email ? 'notInvitable' : null;
  if (inviter.hostRole) return 'alreadyUser';
  if (accountIds.length === 0) return 'notInvitable';
  const [member] = await db
    .select({ userId: accountMemberships.userId })
    .from(accountMemberships)
    .where(
      and(
        eq(accountMemberships.userId, existing.id),
        inArray(accountMemberships.accountId, [...accountIds]),
      ),
    )
    .limit(1);
  return member ? 'alreadyUser' : 'notInvitable';
}
