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

/** Where next-auth keeps the callback URL between requests: on http, and on https. */
const callbackCookieNames = ['next-auth.callback-url', '__Secure-next-auth.callback-url'];

/**
 * Whether next-auth can read `value` as a callback URL: it answers 500 on every endpoint to a
 * callbackUrl (query or cookie) that is neither a path nor an http(s) URL. Where it may lead is
 * decided later, by the redirect callback (lib/auth/safe-return-path.ts).
 */
function isReadableCallbackUrl(value: string): boolean {
  if (value.startsWith('/')) return true;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

export type NextAuthGate =
  | {
      ok: true;
      request: NextRequest;
      /** Callback cookies next-auth cannot read: deleted, so they cannot block sign-in. */
      unreadableCookies: string[];
    }
  | { ok: false; status: 400 | 404 | 405 | 413 | 415 };

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
  // next-auth reads the last of repeated parameters; none of our calls sends two.
  const callbackUrls = request.nextUrl.searchParams.getAll('callbackUrl');
  if (callbackUrls.length > 1 || !callbackUrls.every(isReadableCallbackUrl)) {
    return { ok: false, status: 400 };
  }
  // A stale or planted cookie is no request of the visitor's: dropped rather than refused.
  const unreadableCookies = callbackCookieNames.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && !isReadableCallbackUrl(value);
  });
  if (request.method !== 'POST') return { ok: true, request, unreadableCookies };

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
    unreadableCookies,
  };
}
