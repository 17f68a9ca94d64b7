// Server actions of the user menu: sign out here, or sign out every browser of this user.
'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database/configured-database';
import { currentSessionToken, getCurrentUser } from '@/lib/auth/current-user';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { auditActorOf } from '@/lib/actions/audit-actor-of';
import { deleteSession } from '@/lib/auth/sessions';
import { signOut } from '@/lib/sign-in/sign-out';
import { isDatabaseUnreachable } from '@/lib/errors/database-unreachable';
import {
  databaseUnavailablePath,
  reportDatabaseUnreachable,
} from '@/lib/health/database-availability';

async function endSession(scope: 'this' | 'everywhere', next?: string): Promise<never> {
  try {
    const token = await currentSessionToken();
    const user = await getCurrentUser();
    const db = await getDb();
    if (user) {
      await signOut(db, { scope, token, actor: await auditActorOf(user) });
    } else if (token && scope === 'this') {
      // A session that no longer opens anything (expired, or its user deactivated): just gone.
      await deleteSession(db, token);
    }
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    // The session could not be ended: the cookie stays, and our page says why and what next.
    await reportDatabaseUnreachable(error);
    redirect(databaseUnavailablePath);
  }
  (await cookies()).delete(sessionCookie().name);
  redirect(next ?? '/sign-in?signedOut=1');
}

/** An invitation link opened while signed in offers to sign out and come straight back to it. */
function invitationReturn(formData: FormData | undefined): string | undefined {
  const next = formData?.get('next');
  return typeof next === 'string' && /^\/invite\/[\w-]{1,100}$/.test(next) ? next : undefined;
}

export async function signOutAction(formData?: FormData): Promise<void> {
  await endSession('this', invitationReturn(formData));
}

export async function signOutEverywhereAction(): Promise<void> {
  await endSession('everywhere');
}
