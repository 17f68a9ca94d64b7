// Sign-in cost: (a) one argon2id verification in process, with the app's own hashing code
// (lib/auth/passwords.ts) and the parameters read back from the hash it writes; (b) the real
// sign-in over HTTP on the production build (next-auth's credentials POST, CSRF token and all),
// an active user's right password against an address nobody has. An unknown address is checked
// against a dummy hash, so both cost one verification: the answer's timing must not tell
// whether an account exists (target: medians within 10 % of each other).
// Run: npm run bench:sign-in
import { users } from '@/db/schema';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '@/lib/auth/passwords';
import { launchAppServer, waitForResponse } from '../tests/support/app-server';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { createTestDatabase } from '../tests/support/test-database';
import { percentile } from './support/percentile';
import { reportFigures } from './support/report';
import { buildAppIfNeeded, benchSecret } from './support/bench-app';
import { medianMs, pause, ratio } from './support/timing';

const password = 'bench password that is long enough';
const verifications = 50;
const tries = 40;
const warmUp = 5;
/** A person types between attempts; keeps one sign-in's leftovers out of the next one's time. */
const pauseMs = 50;

/** m (KiB), t and p as the encoded hash states them: what the app really uses, not a copy. */
function argon2Parameters(encoded: string) {
  const match = /^\$(argon2\w+)\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(encoded);
  if (!match) throw new Error(`not an argon2 hash: ${encoded}`);
  return {
    algorithm: match[1]!,
    memoryKiB: Number(match[2]),
    iterations: Number(match[3]),
    parallelism: Number(match[4]),
  };
}

async function inProcess() {
  const passwordHash = await hashPassword(password);
  const parameters = argon2Parameters(passwordHash);
  // Before anything else starts, so only this process's own work is timed.
  const verify = await medianMs(verifications, async () => {
    if (!(await verifyPassword(passwordHash, password))) throw new Error('verify failed');
  });
  const dummy = await medianMs(verifications, () => verifyAgainstNothing(password));
  const { algorithm, memoryKiB, iterations, parallelism } = parameters;
  return {
    passwordHash,
    figure: {
      figure: `${algorithm} verify in process, right password vs dummy hash, median of ${verifications} (ms)`,
      ours: Number(verify.toFixed(1)),
      baseline: Number(dummy.toFixed(1)),
      ratio: ratio(verify, dummy),
      difference: Number((verify - dummy).toFixed(1)),
      // OWASP's minimum for argon2id: strong enough to make guessing costly, cheap enough that
      // a busy sign-in page does not queue on it (the comment in lib/auth/passwords.ts).
      target: `(shown) m=${memoryKiB / 1024} MiB, t=${iterations}, p=${parallelism}: OWASP minimum`,
      memoryKiB,
      iterations,
      parallelism,
    },
  };
}

async function main() {
  const argon2 = await inProcess();

  buildAppIfNeeded();
  const cluster = await startPostgresCluster();
  const database = await createTestDatabase(cluster.url(), 'bench_sign_in');
  const { db } = database.handle;
  // The bench stands in for a proxy (PROXY_HOPS=1): its X-Forwarded-For plays many clients.
  const server = await launchAppServer({
    DATABASE_URL: database.url,
    APP_SECRET: benchSecret,
    PROXY_HOPS: '1',
  });
  try {
    await waitForResponse(server);
    // Hashed by the app's code, so the server verifies with exactly the parameters shown above.
    const email = 'known@example.test';
    await db
      .insert(users)
      .values({ email, status: 'active', hostRole: 'view', passwordHash: argon2.passwordHash });

    // The throttle counts failures per address (5) and per client (20) in 15 minutes; a success
    // counts nothing. Every unknown try uses a fresh address and every request its own client
    // address, so the throttle never answers instead of the password check.
    let client = 0;
    async function signIn(address: string): Promise<{ ms: number; signedIn: boolean }> {
      client++;
      const forwardedFor = `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
      await pause(pauseMs);
      // What next-auth's signIn() does in the browser: its CSRF token and cookie first
      // (untimed: the same for both), then the credentials POST.
      const csrf = await fetch(`${server.url}/api/auth/csrf`, {
        headers: { 'x-forwarded-for': forwardedFor },
      });
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; ');
      const started = performance.now();
      const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie,
          'x-forwarded-for': forwardedFor,
        },
        body: new URLSearchParams({
          email: address,
          password,
          csrfToken,
          callbackUrl: `${server.url}/dashboard`,
          json: 'true',
        }),
      });
      const { url } = (await response.json()) as { url: string };
      const ms = performance.now() - started;
      const signedIn = response.headers
        .getSetCookie()
        .some((line) => line.startsWith('gatehouse.session='));
      // Refused must mean "wrong credentials", never the throttle or a CSRF failure.
      if (!signedIn && !url.includes('error=CredentialsSignin')) {
        throw new Error(`sign-in answered ${response.status} ${url}`);
      }
      return { ms, signedIn };
    }

    const samples = { known: [] as number[], unknown: [] as number[] };
    for (let n = 0; n < tries + warmUp; n++) {
      // Alternating which goes first, so drift hits both alike.
      const order = n % 2 ? (['unknown', 'known'] as const) : (['known', 'unknown'] as const);
      for (const which of order) {
        const { ms, signedIn } = await signIn(
          which === 'known' ? email : `nobody-${n}@example.test`,
        );
        if (signedIn !== (which === 'known')) throw new Error(`${which} address: ${signedIn}`);
        if (n >= warmUp) samples[which].push(ms);
      }
    }

    const row = (figure: string, known: number, unknown: number, target: string) => ({
      figure,
      ours: Number(known.toFixed(1)),
      baseline: Number(unknown.toFixed(1)),
      ratio: ratio(known, unknown),
      difference: Number((known - unknown).toFixed(1)),
      target,
    });
    const figures = [
      argon2.figure,
      row(
        `Sign-in POST, right password vs unknown address, median of ${tries} (ms)`,
        percentile(samples.known, 50),
        percentile(samples.unknown, 50),
        'ratio within 10 % of 1.0',
      ),
      row(
        `  same, p90 (ms)`,
        percentile(samples.known, 90),
        percentile(samples.unknown, 90),
        '(shown)',
      ),
    ];
    reportFigures('sign-in-cost', figures);
    console.log(
      `${tries + warmUp} sign-ins succeeded and ${tries + warmUp} with unknown addresses were refused as invalid.`,
    );
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
