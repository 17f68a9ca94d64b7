// Server actions of the user menu: sign out here, or sign out every browser of this user.
'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { currentSessionToken, getCurrentUser } from '@/lib/auth/current-user';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { deleteSession, deleteUserSessions } from '@/lib/auth/sessions';

async function endSession(scope: 'this' | 'everywhere'): Promise<never> {
  const token = await currentSessionToken();
  const user = await getCurrentUser();
  const db = await getDb();
  if (token && scope === 'this') await deleteSession(db, token);
  if (user && scope === 'everywhere') await deleteUserSessions(db, { userId: user.id });
  (await cookies()).delete(sessionCookie().name);
  redirect('/sign-in?signedOut=1');
}

export async function signOutAction(): Promise<void> {
  await endSession('this');
}

export async function signOutEverywhereAction(): Promise<void> {
  await endSession('everywhere');
}
