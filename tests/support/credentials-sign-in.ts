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
