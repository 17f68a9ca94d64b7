import 'server-only';
import { NextRequest } from 'next/server';
import { actionBodyLimitBytes } from '@/lib/http/action-body';
import { readUpTo } from '@/lib/http/read-up-to';

/**
 * next-auth's endpoints the app uses, by method: its client's signIn() (providers, csrf, the
 * credentials callback), signOut(), the session, and the pages it redirects from. Anything else
 * is refused before next-auth sees it: next-auth answers 500 to much of it (a GET of the
 * credentials callback, a JSON body it cannot parse, a line break it copies into a Location).
 */
const served: Record<string, ReadonlySet<string>> = {
  GET: new Set(['csrf', 'session', 'providers', 'signin', 'signout', 'error']),
  POST: new Set(['callback/credentials', 'signout']),
};
const knownEndpoints = new Set(Object.values(served).flatMap((endpoints) => [...endpoints]));
// next-auth's client posts its forms URL-encoded; it parses JSON bodies with a bare JSON.parse.
const formType = 'application/x-www-form-urlencoded';
const controlCharacter = /\p{Cc}/u;

export type NextAuthGate =
  { ok: true; request: NextRequest } | { ok: false; status: 400 | 404 | 405 | 413 | 415 };

/** Whether next-auth may handle `request` for `segments` (the path below /api/auth/). */
export async function gateNextAuthRequest(
  request: NextRequest,
  segments: readonly string[],
): Promise<NextAuthGate> {
  const endpoint = segments.join('/');
  if (!knownEndpoints.has(endpoint)) return { ok: false, status: 404 };
  if (!served[request.method]?.has(endpoint)) return { ok: false, status: 405 };
  for (const value of request.nextUrl.searchParams.values()) {
    if (controlCharacter.test(value)) return { ok: false, status: 400 };
  }
  if (request.method !== 'POST') return { ok: true, request };

  if (!(request.headers.get('content-type') ?? '').startsWith(formType)) {
    return { ok: false, status: 415 };
  }
  if (Number(request.headers.get('content-length')) > actionBodyLimitBytes) {
    return { ok: false, status: 413 };
  }
  // Read here, within the limit (a chunked body has no length up front), and handed on whole.
  const body = await readUpTo(request, actionBodyLimitBytes);
  if (!body) return { ok: false, status: 413 };
  return {
    ok: true,
    request: new NextRequest(request.url, { method: 'POST', headers: request.headers, body }),
  };
}
