import 'server-only';
import { cookies } from 'next/headers';
import { isHttpsDeployment } from '@/lib/urls';
import { challengeLifetimeMs } from '@/lib/two-factor/sign-in-challenge';

/**
 * The half-signed-in state: a cookie of its own (never the session's), sent only to the
 * sign-in pages, living as long as its challenge. It opens no page and no action: the session
 * lookup never reads it.
 */
function challengeCookie() {
  const secure = isHttpsDeployment();
  return {
    name: secure ? '__Secure-gatehouse.sign-in-step' : 'gatehouse.sign-in-step',
    options: {
      httpOnly: true,
      sameSite: 'lax' as const,
      path: '/sign-in',
      secure,
      maxAge: Math.floor(challengeLifetimeMs / 1000),
    },
  };
}

export async function setChallengeCookie(token: string): Promise<void> {
  const { name, options } = challengeCookie();
  (await cookies()).set(name, token, options);
}

export async function readChallengeCookie(): Promise<string | null> {
  return (await cookies()).get(challengeCookie().name)?.value ?? null;
}

export async function clearChallengeCookie(): Promise<void> {
  const { name, options } = challengeCookie();
  (await cookies()).set(name, '', { ...options, maxAge: 0 });
}
