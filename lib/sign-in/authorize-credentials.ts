import 'server-only';
import type { User } from 'next-auth';
import { getDb } from '@/lib/database/configured-database';
import { isDatabaseUnreachable } from '@/lib/errors/database-unreachable';
import { rootMessage } from '@/lib/errors/root-cause';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { kickOutbox } from '@/lib/outbox/kick-outbox';
import { setChallengeCookie } from './challenge-cookie';
import { signIn } from './sign-in';
import { signInErrorCodes, throttledErrorPrefix } from '@/lib/auth/sign-in-errors';
import { log } from '@/lib/log/logger';

/**
 * next-auth's credentials check: a user with the session token to put in the cookie, null for
 * a wrong sign-in, or an error whose message is one of the codes the sign-in form explains.
 */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  requestHeaders: Record<string, string>,
): Promise<User | null> {
  const headers = new Headers(requestHeaders);
  const clientAddress = clientAddressFrom(headers);
  let result: Awaited<ReturnType<typeof signIn>>;
  try {
    result = await signIn(await getDb(), {
      email: String(credentials?.email ?? '').slice(0, 320),
      password: String(credentials?.password ?? '').slice(0, 1024),
      clientAddress,
      userAgent: headers.get('user-agent'),
    });
  } catch (error) {
    // next-auth would send error.message (the failed SQL) to the browser in its redirect URL:
    // the log gets the cause, the visitor a code.
    log.error(`Sign-in failed (client ${clientAddress ?? 'unknown'}): ${rootMessage(error)}`);
    throw new Error(
      isDatabaseUnreachable(error) ? signInErrorCodes.unavailable : signInErrorCodes.failed,
    );
  }
  if (result.ok) return { id: result.userId, sessionToken: result.sessionToken } as User;
  if (result.reason === 'secondStep') {
    // next-auth answers an error here with no session cookie; the challenge's cookie rides on
    // the same response (a route handler's cookies() joins it), and the form moves on.
    await setChallengeCookie(result.challengeToken);
    if (result.emailQueued) kickOutbox();
    throw new Error(signInErrorCodes.secondStep);
  }
  if (result.reason === 'throttled') {
    throw new Error(throttledErrorPrefix + result.retryAt.toISOString());
  }
  return null;
}
