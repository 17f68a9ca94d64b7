import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getCurrentUser } from './current-user';
import { requestPathHeader } from './request-path';
import { safeReturnPath } from './safe-return-path';
import { mayOnHost, type HostPermission } from './permissions';
import type { SessionUser } from './read-session';

/** The signed-in user, or a redirect to sign-in that returns here afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const back = safeReturnPath((await headers()).get(requestPathHeader));
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
}

/** For pages only host roles may see: 403 for everyone else. */
export async function requireHostPermission(permission: HostPermission): Promise<SessionUser> {
  const user = await requireUser();
  if (!mayOnHost(user, permission)) forbidden();
  return user;
}
