import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { cache } from 'react';
import { getDb } from '@/lib/database/configured-database';
import { getAppSecret } from '@/lib/secret/get-app-secret';
import { readSession, type SessionUser } from './read-session';
import { sessionCookie } from './session-cookie';
import { noteActor } from '@/lib/log/logger';

/** The session token inside this request's session cookie, if the cookie is genuine. */
export async function currentSessionToken(): Promise<string | null> {
  const cookie = (await cookies()).get(sessionCookie().name)?.value;
  if (!cookie) return null;
  // Outside the try: a missing secret is the server's fault and must fail loudly, not read as
  // "signed out".
  const secret = getAppSecret();
  try {
    const jwt = await decode({ token: cookie, secret });
    return typeof jwt?.sessionToken === 'string' ? jwt.sessionToken : null;
  } catch {
    return null;
  }
}

/** The signed-in user of this request, checked against the database once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await currentSessionToken();
  const user = token ? await readSession(await getDb(), token) : null;
  // Every later log line of this request names who made it.
  if (user) noteActor(user.id);
  return user;
});
