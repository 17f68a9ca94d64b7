// next-auth's endpoints: the credentials sign-in POST, its CSRF token, and the session cookie;
// calls the app never makes are refused first (lib/auth/next-auth-gate.ts), and a sign-out
// that could not end the session answers 503 instead of clearing the cookie.
import NextAuth from 'next-auth';
import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/sign-in/auth-options';
import { gateNextAuthRequest } from '@/lib/auth/next-auth-gate';
import { isDatabaseUnreachable } from '@/lib/errors/database-unreachable';
import { reportDatabaseUnreachable } from '@/lib/health/database-availability';
import { refuseRequest } from '@/lib/http/refuse-request';

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  const gate = await gateNextAuthRequest(request, (await context.params).nextauth);
  if (!gate.ok) return refuseRequest(request, gate.status);
  // next-auth reads the cookies through next/headers: deleted there, it never sees them, and
  // the browser is told to forget them.
  const jar = await cookies();
  for (const name of gate.unreadableCookies) jar.delete(name);
  const options = authOptions();
  // next-auth logs a sign-out event that failed and clears the cookie all the same, which
  // would leave the session it could not end valid for any copy of that cookie.
  let signOutFailure: unknown;
  const endSession = options.events?.signOut;
  if (endSession) {
    options.events!.signOut = async (message) => {
      try {
        await endSession(message);
      } catch (error) {
        signOutFailure = error;
        throw error;
      }
    };
  }
  const response = await NextAuth(options)(gate.request, context);
  if (signOutFailure === undefined) return response;
  if (!isDatabaseUnreachable(signOutFailure)) throw signOutFailure;
  await reportDatabaseUnreachable(signOutFailure);
  return refuseRequest(request, 503);
}

export { handler as GET, handler as POST };
