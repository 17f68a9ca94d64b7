// Two-factor sign-in: the time the second step adds to a sign-in. On the production build with
// real PostgreSQL, one request at a time: a sign-in with the password alone (a user with no
// method, policy "optional") against the same sign-in followed by the second step with a code
// from the authenticator app (the credentials POST, which now opens a challenge instead of a
// session, then the code's server action, which opens the session). Each measured user has an
// authenticator of their own, so every code is fresh (each code works once).
// Run: npm run bench:two-factor
import { eq } from 'drizzle-orm';
import { hostSettings, twoFactorMethods, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/passwords';
import { newTotpSecret, totpCode, totpStep } from '@/lib/two-factor/totp';
import { sealTotpSecret } from '@/lib/two-factor/totp-secret';
import { launchAppServer, waitForResponse } from '../tests/support/app-server';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { actionId, callFormAction } from '../tests/support/server-action';
import { createTestDatabase } from '../tests/support/test-database';
import { postCredentialsOverHttp } from '../tests/support/credentials-sign-in';
import { benchSecret, buildAppIfNeeded } from './support/bench-app';
import { percentile } from './support/percentile';
import { reportFigures } from './support/report';
import { pause, ratio } from './support/timing';

const password = 'bench password that is long enough';
const tries = 30;
const warmUp = 5;
const pauseMs = 50;

async function main() {
  // The secrets the bench seals must open in the server: the same app secret.
  process.env.APP_SECRET = benchSecret;
  buildAppIfNeeded();
  const cluster = await startPostgresCluster();
  const database = await createTestDatabase(cluster.url(), 'bench_two_factor');
  const { db } = database.handle;
  const server = await launchAppServer({
    DATABASE_URL: database.url,
    APP_SECRET: benchSecret,
    PROXY_HOPS: '1',
  });
  try {
    await waitForResponse(server);
    await db
      .update(hostSettings)
      .set({ twoFactorPolicy: 'optional' })
      .where(eq(hostSettings.id, 1));
    const passwordHash = await hashPassword(password);
    const count = tries + warmUp;
    const plain: string[] = [];
    const withApp: { email: string; secret: Buffer }[] = [];
    for (let n = 0; n < count; n++) {
      plain.push(`plain-${n}@example.test`);
      withApp.push({ email: `app-${n}@example.test`, secret: newTotpSecret() });
    }
    await db.insert(users).values(
      [...plain, ...withApp.map((user) => user.email)].map((email) => ({
        email,
        status: 'active' as const,
        hostRole: 'view' as const,
        passwordHash,
      })),
    );
    const ids = new Map(
      (await db.select({ id: users.id, email: users.email }).from(users)).map((row) => [
        row.email,
        row.id,
      ]),
    );
    await db.insert(twoFactorMethods).values(
      withApp.map((user) => ({
        userId: ids.get(user.email)!,
        method: 'totp' as const,
        sealedSecret: sealTotpSecret(user.secret),
        confirmedAt: new Date(),
      })),
    );
    const verifyCode = actionId('app/(auth)/sign-in/two-factor/actions.ts', 'verifyCodeAction');

    let client = 0;
    /** next-auth's credentials POST, as its client sends it; returns the cookies it set. */
    async function postPassword(
      email: string,
    ): Promise<{ cookies: string[]; forwardedFor: string }> {
      client++;
      const forwardedFor = `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
      const response = await postCredentialsOverHttp(server.url, {
        email,
        password,
        headers: { 'x-forwarded-for': forwardedFor },
      });
      await response.arrayBuffer();
      return { cookies: response.headers.getSetCookie(), forwardedFor };
    }
    const hasCookie = (lines: string[], name: string) =>
      lines.some((line) => line.startsWith(`${name}=`) && !line.startsWith(`${name}=;`));

    async function signInPlain(email: string): Promise<number> {
      await pause(pauseMs);
      const started = performance.now();
      const { cookies } = await postPassword(email);
      const ms = performance.now() - started;
      if (!hasCookie(cookies, 'gatehouse.session')) throw new Error(`${email}: no session`);
      return ms;
    }

    async function signInWithApp(user: { email: string; secret: Buffer }): Promise<number> {
      await pause(pauseMs);
      const started = performance.now();
      const { cookies, forwardedFor } = await postPassword(user.email);
      const challenge = cookies.find((line) => line.startsWith('gatehouse.sign-in-step='));
      if (!challenge) throw new Error(`${user.email}: no second step`);
      const answer = await callFormAction({
        url: `${server.url}/sign-in/two-factor`,
        id: verifyCode,
        fields: {
          kind: 'authenticator',
          code: totpCode(user.secret, totpStep(new Date())),
          returnTo: '/dashboard',
        },
        cookie: challenge.split(';')[0],
        headers: { 'x-forwarded-for': forwardedFor },
      });
      const ms = performance.now() - started;
      if (!hasCookie(answer.headers.getSetCookie(), 'gatehouse.session')) {
        throw new Error(`${user.email}: the code opened no session (${answer.status})`);
      }
      return ms;
    }

    const samples = { plain: [] as number[], app: [] as number[] };
    for (let n = 0; n < count; n++) {
      // Alternating which goes first, so drift hits both alike.
      const runs = [
        async () => ({ which: 'plain' as const, ms: await signInPlain(plain[n]!) }),
        async () => ({ which: 'app' as const, ms: await signInWithApp(withApp[n]!) }),
      ];
      for (const run of n % 2 ? runs.reverse() : runs) {
        const { which, ms } = await run();
        if (n >= warmUp) samples[which].push(ms);
      }
    }

    const row = (figure: string, withStep: number, without: number) => ({
      figure,
      ours: Number(withStep.toFixed(1)),
      baseline: Number(without.toFixed(1)),
      ratio: ratio(withStep, without),
      difference: Number((withStep - without).toFixed(1)),
      target: '(shown): the second step is one more request',
    });
    reportFigures('two-factor-sign-in', [
      row(
        `Sign-in with an authenticator code vs the password alone, median of ${tries} (ms)`,
        percentile(samples.app, 50),
        percentile(samples.plain, 50),
      ),
      row('  same, p90 (ms)', percentile(samples.app, 90), percentile(samples.plain, 90)),
    ]);
  } finally {
    await server.stop();
    await database.drop();
    cluster.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
