// Test email, end to end: the real "Send test email" server action of the SMTP page, called over
// HTTP on the production build, against raw nodemailer sending the same message to the same
// in-process SMTP server (implicit TLS + AUTH) with a fresh, non-pooled transport, as the action
// must (it tests the form's values, so it can never reuse a connection). Calls alternate one at a
// time, so drift on a shared machine hits both. Target: median ≤ raw + 30 ms.
// Run: npm run bench:test-email
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { throttle } from '@/db/schema';
import { createUser, signInCookie } from '../tests/support/e2e-users';
import { actionId, callFormAction } from '../tests/support/server-action';
import { percentile } from './support/percentile';
import { reportFigures } from './support/report';
import { benchSecret, benchSmtpUser, startBenchApp } from './support/bench-app';
import { pause, ratio } from './support/timing';

const tries = 40;
const warmUp = 5;
/** An admin reads the report before clicking again; also lets the server close the last session. */
const pauseMs = 50;
const allowanceMs = 30;

async function main() {
  const app = await startBenchApp('bench_test_email', { smtpOn: true });
  const { server, database, smtp } = app;
  const { db } = database.handle;
  try {
    const settings = app.smtpSettings;
    const admin = await createUser(database.handle, { hostRole: 'admin' });
    const cookie = await signInCookie(database.handle, admin, benchSecret);
    const id = actionId('app/(console)/settings/smtp/actions.ts', 'testSmtpAction');

    // The SMTP page's form as the browser submits it for a saved configuration: unchecked
    // boxes are left out, and the password field stays blank, which means "the stored one"
    // (so the action also loads and decrypts it, as it does for an admin clicking the button).
    const form = {
      host: settings.host,
      port: String(settings.port),
      senderName: settings.senderName,
      senderEmail: settings.senderEmail,
      ssl: 'on',
      auth: 'on',
      username: benchSmtpUser.user,
      password: '',
      caPem: settings.caPem!,
    };
    // The action allows 10 tests per admin in 10 minutes. Rather than many admins, the bench
    // deletes that one throttle row before each call (untimed): the action still checks the
    // throttle and records the attempt, exactly as for a first test, and never answers
    // "throttled" instead of sending.
    const throttleKey = `smtp-test:${admin.id}`;

    let sequence = 0;
    async function viaAction(): Promise<{ ms: number; sendMs: number }> {
      const to = `action-${sequence++}@example.test`;
      await db.delete(throttle).where(eq(throttle.key, throttleKey));
      await pause(pauseMs);
      const { status, text, ms } = await callFormAction({
        url: `${server.url}/settings/smtp`,
        id,
        cookie,
        fields: { ...form, testRecipient: to },
      });
      const sendMs = /"durationMs":(\d+)/.exec(text);
      if (status !== 200 || !text.includes('"response":"250') || !sendMs) {
        throw new Error(`test email failed (${status}): ${text.slice(0, 400)}`);
      }
      if (!smtp.messages.some((message) => message.envelope.rcptTo.includes(to))) {
        throw new Error(`the action answered but ${to} got nothing`);
      }
      // The action's own measure of its nodemailer send (the report's "Show details" time).
      return { ms, sendMs: Number(sendMs[1]) };
    }

    // The baseline sends exactly what the action sent: its first message, as received.
    await viaAction();
    const sample = smtp.messages.at(-1)!.parsed;
    const message = {
      subject: sample.subject ?? '',
      text: sample.text ?? '',
      html: typeof sample.html === 'string' ? sample.html : '',
    };
    // The same options lib/smtp/create-transport.ts derives from this configuration: implicit
    // TLS, AUTH, the pasted CA, TLS 1.2 at least, no SNI for an IP address; a new transport
    // (one connection, one message) per send.
    async function viaNodemailer(): Promise<number> {
      const to = `raw-${sequence++}@example.test`;
      await pause(pauseMs);
      const started = performance.now();
      const transport = nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: true,
        auth: benchSmtpUser,
        tls: { ca: smtp.caPem, minVersion: 'TLSv1.2' },
      });
      try {
        const info = await transport.sendMail({
          from: { name: settings.senderName, address: settings.senderEmail },
          to,
          ...message,
        });
        if (!info.response.startsWith('250')) throw new Error(`raw send: ${info.response}`);
      } finally {
        transport.close();
      }
      return performance.now() - started;
    }

    const samples = { ours: [] as number[], inApp: [] as number[], raw: [] as number[] };
    for (let n = 0; n < tries + warmUp; n++) {
      const order = n % 2 ? (['raw', 'ours'] as const) : (['ours', 'raw'] as const);
      for (const which of order) {
        if (which === 'raw') {
          const ms = await viaNodemailer();
          if (n >= warmUp) samples.raw.push(ms);
        } else {
          const { ms, sendMs } = await viaAction();
          if (n >= warmUp) {
            samples.ours.push(ms);
            samples.inApp.push(sendMs);
          }
        }
      }
    }

    const row = (figure: string, ours: number, raw: number, target: string) => ({
      figure,
      ours: Number(ours.toFixed(1)),
      baseline: Number(raw.toFixed(1)),
      ratio: ratio(ours, raw),
      difference: Number((ours - raw).toFixed(1)),
      target,
    });
    const figures = [
      row(
        `Test email action vs raw nodemailer, median of ${tries} (ms)`,
        percentile(samples.ours, 50),
        percentile(samples.raw, 50),
        `≤ raw + ${allowanceMs} ms`,
      ),
      row(`  same, p90 (ms)`, percentile(samples.ours, 90), percentile(samples.raw, 90), '(shown)'),
      // Where the time goes: the send as the action timed it, inside the app process.
      row(
        `  of which the send inside the action, median (ms)`,
        percentile(samples.inApp, 50),
        percentile(samples.raw, 50),
        '(shown)',
      ),
    ];
    reportFigures('test-email', figures);
    console.log(
      `${smtp.messages.length} test emails delivered (${tries + warmUp + 1} by the action, ${tries + warmUp} raw).`,
    );
  } finally {
    await app.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
