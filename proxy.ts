// Runs before every route: puts the security headers (CSP with a fresh nonce, HSTS, …) on the
// response, tells pages which path was asked for (to return there after sign-in), refuses
// paths and server-action bodies Next could not read (lib/http/action-body.ts), and answers
// pages with our own 503 page while the database cannot be reached
// (lib/health/database-availability.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { requestPathHeader } from '@/lib/auth/request-path';
import { databaseReachable, databaseUnavailablePath } from '@/lib/health/database-availability';
import { checkActionBody, isActionRequest } from '@/lib/http/action-body';
import { refuseRequest } from '@/lib/http/refuse-request';
import { createNonce, securityHeaders } from '@/lib/security/security-headers';
import { isHttpsDeployment } from '@/lib/urls';

/**
 * A page's document or its client-side navigation. Server actions answer their form with a
 * message of their own (lib/actions/action.ts), and API routes answer for themselves.
 */
function isPageRequest(request: NextRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !request.headers.has('next-action') &&
    !request.nextUrl.pathname.startsWith('/api/')
  );
}

/** Whether every percent-escape of `pathname` decodes, to UTF-8. */
function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export async function proxy(request: NextRequest): Promise<Response> {
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce: createNonce(),
    https: isHttpsDeployment(),
    // eslint-disable-next-line no-restricted-properties -- Next inlines NODE_ENV when it builds
    development: process.env.NODE_ENV === 'development',
  });

  const refuse = (status: 400 | 413) => {
    const refusal = refuseRequest(request, status);
    for (const [name, value] of Object.entries(headers.response)) refusal.headers.set(name, value);
    return refusal;
  };

  // Next cannot read a route's parameter from such a path, and answers a bare 500.
  if (!isDecodablePath(request.nextUrl.pathname)) return refuse(400);

  if (isActionRequest(request)) {
    const verdict = await checkActionBody(request);
    if (verdict !== 'ok') return refuse(verdict === 'tooLarge' ? 413 : 400);
  }

  // `set` replaces whatever the client sent under these names.
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers.request)) requestHeaders.set(name, value);
  requestHeaders.set(requestPathHeader, request.nextUrl.pathname + request.nextUrl.search);
  const response =
    isPageRequest(request) && !(await databaseReachable())
      ? NextResponse.rewrite(new URL(databaseUnavailablePath, request.url), {
          request: { headers: requestHeaders },
          status: 503,
        })
      : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets, which are immutable files with no token and no document.
  // Prefetches are kept: "every response" includes them, and a nonce costs next to nothing.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
