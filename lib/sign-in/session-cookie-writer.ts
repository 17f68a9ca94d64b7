import 'server-only';
import { cookies } from 'next/headers';
import { encode } from 'next-auth/jwt';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { sessionLimits } from '@/lib/auth/session-limits';
import { getAppSecret } from '@/lib/secret/get-app-secret';

/**
 * Puts a session in the browser after the second step, outside next-auth's own sign-in: the
 * same JWT next-auth writes (carrying only the session's random token), under the same name
 * and flags, so current-user.ts and next-auth's sign-out read it alike.
 */
export async function setSessionCookie(sessionToken: string): Promise<void> {
  const maxAge = Math.floor(sessionLimits().absoluteMs / 1000);
  const value = await encode({ token: { sessionToken }, secret: getAppSecret(), maxAge });
  const { name, options } = sessionCookie();
  (await cookies()).set(name, value, { ...options, maxAge });
}
