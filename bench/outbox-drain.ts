// Outbox drain vs raw pooled nodemailer: 1,000 emails to the same in-process SMTP server, in one
// run, on a throwaway PostgreSQL cluster. Prints the ratio (target ≥ 0.8× raw throughput).
// Run: npm run bench:outbox
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { outbox, smtpSettings } from '@/db/schema';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { drainOutbox } from '@/lib/outbox/drain-outbox';
import { closePooledTransport } from '@/lib/outbox/pooled-transport';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { startTestSmtpServer } from '../tests/support/smtp-server';
import { createTestDatabase } from '../tests/support/test-database';
import { testSmtpSettings } from '../tests/support/test-smtp-settings';
import { reportFigures } from './support/report';
import { benchSecret } from './support/bench-app';
import { ratio } from './support/timing';

const count = 1000;
const smtpUser = { user: 'bench@gatehouse.test', pass: 'bench password' };
const message = (n: number) => ({
  subject: `Invitation ${n}`,
  text: `Accept your invitation: https://gatehouse.test/invite/${n}`,
  html: `<p><a href="https://gatehouse.test/invite/${n}">Accept your invitation</a></p>`,
});

async function main() {
  process.env.APP_SECRET = benchSecret;
  const cluster = await startPostgresCluster();
  const server = await startTestSmtpServer({ mode: 'tls', auth: smtpUser });
  const database = await createTestDatabase(cluster.url(), 'bench');
  const { db } = database.handle;
  try {
    await db
      .insert(smtpSettings)
      .values(testSmtpSettings(server, { credentials: smtpUser, appSecret: benchSecret }));

    // Baseline: raw pooled nodemailer, same pool size, same messages, same server.
    const raw = nodemailer.createTransport({
      host: server.host,
      port: server.port,
      secure: true,
      auth: smtpUser,
      tls: { ca: server.caPem },
      pool: true,
      maxConnections: 3,
      maxMessages: 100,
    } as SMTPPool.Options);
    let started = performance.now();
    await Promise.all(
      Array.from({ length: count }, (_, n) =>
        raw.sendMail({
          from: 'Nordlicht <noreply@nordlicht.test>',
          to: `user${n}@example.test`,
          ...message(n),
        }),
      ),
    );
    const rawMs = performance.now() - started;
    raw.close();

    const rows = Array.from({ length: count }, (_, n) => ({
      recipient: `user${n}@example.test`,
      kind: 'invitation',
      language: 'en' as const,
      payloadEncrypted: encryptSecret(JSON.stringify(message(n)), {
        secret: benchSecret,
        purpose: 'outbox-payload',
      }),
    }));
    for (let i = 0; i < rows.length; i += 200)
      await db.insert(outbox).values(rows.slice(i, i + 200));
    started = performance.now();
    const result = await drainOutbox(db);
    const drainMs = performance.now() - started;
    closePooledTransport();
    if (result.sent !== count) throw new Error(`drain sent ${result.sent} of ${count}`);

    const ours = count / (drainMs / 1000);
    const baseline = count / (rawMs / 1000);
    const figure = {
      figure: 'Outbox drain, 1,000 emails (emails/s)',
      ours: Math.round(ours),
      baseline: Math.round(baseline),
      ratio: ratio(ours, baseline),
      target: '≥ 0.8',
    };
    reportFigures('outbox-drain', [figure]);
  } finally {
    await database.drop();
    await server.close();
    cluster.stop();
  }
}

void main();
