// Runs before every route: puts the security headers (CSP with a fresh nonce, HSTS, …) on the
// response, tells pages which path was asked for (to return there after sign-in), and refuses
// server-action bodies Next could not read (lib/http/action-body.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { requestPathHeader } from '@/lib/auth/request-path';
import { checkActionBody, isActionRequest } from '@/lib/http/action-body';
import { refuseActionBody } from '@/lib/http/refuse-action-body';
import { createNonce, securityHeaders } from '@/lib/security/security-headers';
import { isHttpsDeployment } from '@/lib/urls';

export async function proxy(request: NextRequest): Promise<Response> {
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce: createNonce(),
    https: isHttpsDeployment(),
    development: process.env.NODE_ENV === 'development',
  });

  if (isActionRequest(request)) {
    const verdict = await checkActionBody(request);
    if (verdict !== 'ok') {
      const refusal = refuseActionBody(request, verdict);
      for (const [name, value] of Object.entries(headers.response)) {
        refusal.headers.set(name, value);
      }
      return refusal;
    }
  }

  // `set` replaces whatever the client sent under these names.
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers.request)) requestHeaders.set(name, value);
  requestHeaders.set(requestPathHeader, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets, which are immutable files with no token and no document.
  // Prefetches are kept: "every response" includes them, and a nonce costs next to nothing.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
