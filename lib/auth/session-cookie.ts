import { isHttpsDeployment } from '@/lib/urls';

/** next-auth's session cookie, named and flagged from the configured base URL. */
export function sessionCookie() {
  const secure = isHttpsDeployment();
  return {
    // The __Secure- prefix makes browsers refuse the cookie over plain http.
    name: secure ? '__Secure-gatehouse.session' : 'gatehouse.session',
    options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure },
  };
}
