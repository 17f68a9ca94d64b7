import 'server-only';
import { headers } from 'next/headers';
import type { AuditActor, UserActor } from '@/lib/audit/audit-actor';
import { storedUserAgent } from '@/lib/audit/audit-actor';
import { clientAddressFrom } from '@/lib/auth/client-address';
import type { SessionUser } from '@/lib/auth/read-session';

/**
 * Who calls an action, as the audit log records them: the user with the role that let them act
 * (their role in the form's account when they hold one there, else their host role) and where
 * the request came from; a visitor when nobody is signed in.
 */
export async function auditActorOf(user: SessionUser, accountId?: string): Promise<UserActor>;
export async function auditActorOf(user: SessionUser | null): Promise<AuditActor>;
export async function auditActorOf(
  user: SessionUser | null,
  accountId?: string,
): Promise<AuditActor> {
  const requestHeaders = await headers();
  const clientAddress = clientAddressFrom(requestHeaders);
  const userAgent = storedUserAgent(requestHeaders.get('user-agent'));
  if (!user) return { kind: 'visitor', clientAddress, userAgent };
  const accountRole = accountId ? user.accountRoles.get(accountId) : undefined;
  const role = accountRole
    ? `account:${accountRole}`
    : user.hostRole
      ? `host:${user.hostRole}`
      : null;
  return { kind: 'user', userId: user.id, email: user.email, role, clientAddress, userAgent };
}
