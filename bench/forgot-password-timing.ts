// Forgot password, known vs unknown address: the real server action over HTTP on the
// production build, SMTP on, alternating an active user's address with one nobody has, many
// times. The answer must not tell them apart: prints both medians and their difference
// (target: under 5 ms, well inside the noise of a network round trip), and checks that every
// known address got its reset email and no unknown one did.
// Run: npm run bench:forgot
import { hash } from '@node-rs/argon2';
import { users } from '@/db/schema';
import { actionId, callFormAction } from '../tests/support/server-action';
import { percentile } from './support/percentile';
import { reportFigures } from './support/report';
import { startBenchApp } from './support/bench-app';
import { pause, ratio } from './support/timing';

const tries = 200;
const warmUp = 20;
/** A person waits for the page; the email for a known address goes out meanwhile. */
const pauseMs = 100;
const boundMs = 5;

async function main() {
  const app = await startBenchApp('bench_forgot', { smtpOn: true });
  const { server, database, smtp } = app;
  const { db } = database.handle;
  try {
    // One address per try: the throttle allows three requests per address in 15 minutes.
    const passwordHash = await hash('bench password that is long');
    const known = Array.from({ length: tries + warmUp }, (_, n) => `known-${n}@example.test`);
    for (let i = 0; i < known.length; i += 100) {
      await db.insert(users).values(
        known.slice(i, i + 100).map((email) => ({
          email,
          status: 'active' as const,
          hostRole: 'view' as const,
          passwordHash,
        })),
      );
    }
    const id = actionId('app/(auth)/forgot-password/actions.ts', 'requestPasswordResetAction');
    // Each request from its own client address, as many people would send them: one client
    // may ask ten times in 15 minutes.
    let client = 0;
    async function ask(email: string): Promise<number> {
      client++;
      await pause(pauseMs);
      const { status, text, ms } = await callFormAction({
        url: `${server.url}/forgot-password`,
        id,
        fields: { email },
        headers: {
          'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
        },
      });
      if (status !== 200 || !text.includes(`"ok":true`)) {
        throw new Error(`forgot password failed (${status}): ${text.slice(0, 300)}`);
      }
      return ms;
    }

    const samples = { known: [] as number[], unknown: [] as number[] };
    for (let n = 0; n < tries + warmUp; n++) {
      // Alternating which goes first, so drift hits both alike.
      const order = n % 2 ? (['unknown', 'known'] as const) : (['known', 'unknown'] as const);
      for (const which of order) {
        const ms = await ask(which === 'known' ? known[n]! : `nobody-${n}@example.test`);
        if (n >= warmUp) samples[which].push(ms);
      }
    }
    await smtp.waitForMessage(() => smtp.messages.length >= known.length, 60_000);
    await pause(2000);
    const strays = smtp.messages.filter((message) =>
      message.envelope.rcptTo.some((address) => address.startsWith('nobody-')),
    );
    if (strays.length > 0) throw new Error(`${strays.length} emails went to unknown addresses`);

    const knownMedian = percentile(samples.known, 50);
    const unknownMedian = percentile(samples.unknown, 50);
    const figures = [
      {
        figure: `Forgot password answer, known vs unknown address, median of ${tries} (ms)`,
        ours: Number(knownMedian.toFixed(1)),
        baseline: Number(unknownMedian.toFixed(1)),
        ratio: ratio(knownMedian, unknownMedian),
        difference: Number((knownMedian - unknownMedian).toFixed(1)),
        target: `|difference| < ${boundMs} ms`,
      },
      {
        figure: `  same, p90 (ms)`,
        ours: Number(percentile(samples.known, 90).toFixed(1)),
        baseline: Number(percentile(samples.unknown, 90).toFixed(1)),
        ratio: ratio(percentile(samples.known, 90), percentile(samples.unknown, 90)),
        difference: Number(
          (percentile(samples.known, 90) - percentile(samples.unknown, 90)).toFixed(1),
        ),
        target: '(shown)',
      },
    ];
    reportFigures('forgot-password-timing', figures);
    console.log(
      `${smtp.messages.length} reset emails delivered, all to known addresses; none to the ${tries + warmUp} unknown ones.`,
    );
  } finally {
    await app.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
