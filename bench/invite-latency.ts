// Invite latency, SMTP on vs off: the real "Invite a new user" server action, called over HTTP
// on the production build, one request at a time. With SMTP on, the action also queues the
// email and the server sends it in the background (after the response), so this shows whether
// sending ever blocks the action. Prints the ratio of medians (target ≤ 1.2) twice: paced like
// a person inviting (a pause between invites, in which the background send finishes), and
// back to back (each invite also competes with the previous one's send for the one thread).
// Run: npm run bench:invite
import { eq } from 'drizzle-orm';
import { smtpSettings, users } from '@/db/schema';
import { createUser, signInCookie } from '../tests/support/e2e-users';
import { actionId, callFormAction } from '../tests/support/server-action';
import { percentile } from './support/percentile';
import { reportFigures } from './support/report';
import { benchSecret, startBenchApp } from './support/bench-app';
import { pause, ratio } from './support/timing';

const rounds = 6;
const perBlock = 20;
/** A person inviting pauses far longer; this is enough for the background send to finish. */
const pauseMs = 100;

async function main() {
  const app = await startBenchApp('bench_invite', { smtpOn: false });
  const { server, database, smtp } = app;
  const { db } = database.handle;
  try {
    const admin = await createUser(database.handle, { hostRole: 'admin' });
    const cookie = await signInCookie(database.handle, admin, benchSecret);
    const id = actionId('app/(console)/users/actions.ts', 'inviteUserAction');

    let sequence = 0;
    async function invite(pauseMs: number): Promise<number> {
      await pause(pauseMs);
      const { status, text, ms } = await callFormAction({
        url: `${server.url}/users`,
        id,
        cookie,
        fields: {
          email: `bench-${sequence++}@example.test`,
          language: 'en',
          type: 'host',
          hostRole: 'standard',
          accounts: '[]',
        },
      });
      if (status !== 200 || !text.includes('/invite/')) {
        throw new Error(`invite failed (${status}): ${text.slice(0, 300)}`);
      }
      return ms;
    }
    const setSmtp = (enabled: boolean) =>
      db.update(smtpSettings).set({ enabled }).where(eq(smtpSettings.id, 1));

    // Warm-up in both modes, then interleaved blocks so drift on a shared machine hits both.
    async function measure(pauseMs: number) {
      const samples = { off: [] as number[], on: [] as number[] };
      for (const mode of ['off', 'on'] as const) {
        await setSmtp(mode === 'on');
        for (let n = 0; n < perBlock; n++) await invite(pauseMs);
      }
      for (let round = 0; round < rounds; round++) {
        for (const mode of round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
          await setSmtp(mode === 'on');
          for (let n = 0; n < perBlock; n++) samples[mode].push(await invite(pauseMs));
        }
      }
      return samples;
    }
    const row = (figure: string, on: number, off: number, target: string) => ({
      figure,
      ours: Number(on.toFixed(1)),
      baseline: Number(off.toFixed(1)),
      ratio: ratio(on, off),
      target,
    });
    const paced = await measure(pauseMs);
    const backToBack = await measure(0);
    // Every email queued while the switch was on is delivered: sent after the response, or
    // (when the switch went off just after) by the server's sweep once it is on again.
    await setSmtp(true);
    const queuedEmails = 2 * perBlock * (rounds + 1);
    await smtp.waitForMessage(() => smtp.messages.length >= queuedEmails, 90_000);
    const n = paced.on.length;
    const figures = [
      row(
        `Invite action, SMTP on vs off, median of ${n}, ${pauseMs} ms apart (ms)`,
        percentile(paced.on, 50),
        percentile(paced.off, 50),
        '≤ 1.2',
      ),
      row(`  same, p95 (ms)`, percentile(paced.on, 95), percentile(paced.off, 95), '(shown)'),
      row(
        `Invite action, SMTP on vs off, median of ${n}, back to back (ms)`,
        percentile(backToBack.on, 50),
        percentile(backToBack.off, 50),
        '(shown)',
      ),
    ];
    const emailed = await db.select({ id: users.id }).from(users);
    reportFigures('invite-latency', figures);
    console.log(
      `${emailed.length - 1} users invited; ${smtp.messages.length} invitation emails delivered.`,
    );
  } finally {
    await app.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
