import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/lib/database/configured-database';
import { getAppSecret } from '@/lib/secret/get-app-secret';
import { appBaseUrl, appUrl, isHttpsDeployment } from '@/lib/urls';
import { authorizeCredentials } from './authorize-credentials';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { sessionLimits } from '@/lib/auth/session-limits';
import { deleteSession } from '@/lib/auth/sessions';

// next-auth handles the sign-in POST (with its CSRF check) and the session cookie; the cookie's
// JWT carries only a random session token, looked up in the sessions table on every request.
export function authOptions(): NextAuthOptions {
  return {
    // The one accessor current-user.ts decodes the cookie with: never empty.
    secret: getAppSecret(),
    useSecureCookies: isHttpsDeployment(),
    session: { strategy: 'jwt', maxAge: Math.floor(sessionLimits().absoluteMs / 1000) },
    cookies: { sessionToken: sessionCookie() },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        authorize: (credentials, request) =>
          authorizeCredentials(credentials, request.headers as Record<string, string>),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && 'sessionToken' in user) token.sessionToken = user.sessionToken as string;
        return token;
      },
      // /api/auth/session is readable by scripts in the page: it shows nothing of the session.
      session({ session }) {
        return { expires: session.expires };
      },
      // Every redirect next-auth makes after a callbackUrl (its query, its form field, its
      // cookie) goes to a path on this site; next-auth's client sends the page's full URL.
      redirect({ url }) {
        const base = appBaseUrl();
        return appUrl(safeReturnPath(url.startsWith(base + '/') ? url.slice(base.length) : url));
      },
    },
    events: {
      // next-auth's own /api/auth/signout only clears the cookie: end the session it names too,
      // so a copy of the cookie opens nothing.
      async signOut({ token }) {
        if (typeof token?.sessionToken === 'string') {
          await deleteSession(await getDb(), token.sessionToken);
        }
      },
    },
  };
}
