import type { APIRequestContext, APIResponse } from '@playwright/test';

/**
 * Posts email and password to next-auth's credentials endpoint as its own client does: the
 * CSRF token first, both through `request`'s cookie jar, so a successful sign-in leaves the
 * session cookie in that jar. With `json` (the client's way) next-auth answers `{ url }`
 * instead of redirecting.
 */
export async function postCredentials(
  request: APIRequestContext,
  fields: { email: string; password: string; callbackUrl?: string },
  { json = true }: { json?: boolean } = {},
): Promise<APIResponse> {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  return request.post('/api/auth/callback/credentials', {
    form: { ...fields, csrfToken, ...(json ? { json: 'true' } : {}) },
    maxRedirects: 0,
  });
}

/** What the sign-in endpoint answered: a session, the one "not right" answer, or a block. */
export type SignInOutcome = 'signedIn' | 'invalid' | 'throttled';

/**
 * next-auth's credentials POST as its signIn() sends it from the browser (its CSRF token and
 * cookie first), with `headers` on both requests: for tests and benchmarks that must set what a
 * browser cannot, such as X-Forwarded-For. The answer is next-auth's, untouched.
 */
export async function postCredentialsOverHttp(
  url: string,
  options: { email: string; password: string; headers?: Record<string, string> },
): Promise<Response> {
  const headers = options.headers ?? {};
  const csrf = await fetch(`${url}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({
      email: options.email,
      password: options.password,
      csrfToken,
      json: 'true',
    }),
  });
}

/** Signs in over HTTP (postCredentialsOverHttp) and says how it went. */
export async function signInOverHttp(
  url: string,
  options: { email: string; password: string; headers?: Record<string, string> },
): Promise<SignInOutcome> {
  const response = await postCredentialsOverHttp(url, options);
  if (response.headers.getSetCookie().some((line) => line.startsWith('gatehouse.session='))) {
    return 'signedIn';
  }
  // next-auth puts what authorize() threw, or CredentialsSignin for a null, in the URL.
  const { url: next } = (await response.json()) as { url: string };
  const error = new URL(next, url).searchParams.get('error') ?? '';
  if (error.startsWith('throttled:')) return 'throttled';
  if (error === 'CredentialsSignin') return 'invalid';
  throw new Error(`Unexpected sign-in answer (${response.status}): ${next}`);
}
