// next-auth's endpoints: the credentials sign-in POST, its CSRF token, and the session cookie;
// calls the app never makes are refused first (lib/auth/next-auth-gate.ts).
import NextAuth from 'next-auth';
import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/auth-options';
import { gateNextAuthRequest } from '@/lib/auth/next-auth-gate';
import { refuseRequest } from '@/lib/http/refuse-request';

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  const gate = await gateNextAuthRequest(request, (await context.params).nextauth);
  if (!gate.ok) return refuseRequest(request, gate.status);
  // next-auth reads the cookies through next/headers: deleted there, it never sees them, and
  // the browser is told to forget them.
  const jar = await cookies();
  for (const name of gate.unreadableCookies) jar.delete(name);
  return NextAuth(authOptions())(gate.request, context);
}

export { handler as GET, handler as POST };
