import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outbox, smtpServerCertificate, smtpSettings, users } from '@/db/schema';
import type { Database } from '@/db/database';
import { drainOutbox } from '@/lib/outbox/drain-outbox';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';
import { closePooledTransport } from '@/lib/outbox/pooled-transport';
import { runSmtpTest } from '@/lib/smtp/run-smtp-test';
import { saveSmtpConfig } from '@/lib/smtp/save-smtp-config';
import { readCertificateWarning } from '@/lib/smtp/server-certificate';
import { smtpFormSchema } from '@/lib/smtp/smtp-form-schema';
import { hostAdminActor, testSetupActor } from '../support/audit-actors';
import { createTestCertificates } from '../support/certificates';
import { credentials, withTestSmtpServers } from '../support/smtp-client';
import type { TestSmtpServer } from '../support/smtp-server';
import { setUnreachableSmtp } from '../support/test-smtp-settings';
import { withTestDatabase } from '../support/with-test-database';

// The certificate an SMTP server shows is noted by the outbox's connections and by the test
// email; while it expires within 14 days, host admins are warned.

const database = withTestDatabase('smtp_certificate_warning');
const start = withTestSmtpServers();
let userId: string;

beforeAll(async () => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
  const [user] = await database()
    .handle.db.insert(users)
    .values({ email: 'admin@example.test', status: 'active', hostRole: 'admin', passwordHash: 'x' })
    .returning({ id: users.id });
  userId = user!.id;
});
afterEach(async () => {
  closePooledTransport();
  const { db } = database().handle;
  await db.delete(outbox);
  await db.delete(smtpServerCertificate);
});

const formFor = (server: TestSmtpServer) =>
  smtpFormSchema.parse({
    host: server.host,
    port: String(server.port),
    senderName: 'Nordlicht',
    senderEmail: 'noreply@nordlicht.test',
    ssl: 'on',
    auth: 'on',
    username: credentials.user,
    password: credentials.pass,
    caPem: server.caPem,
  });

async function useServer(db: Database, server: TestSmtpServer) {
  await db.delete(smtpSettings);
  await saveSmtpConfig(db, { form: formFor(server), actor: testSetupActor });
  await db.update(smtpSettings).set({ enabled: true });
}

async function sendOne(db: Database) {
  await db.transaction((tx) =>
    enqueueEmail(tx, {
      recipient: 'someone@example.test',
      kind: 'invitation',
      language: 'en',
      content: { subject: 'Invitation', text: 'Accept', html: '<p>Accept</p>' },
    }),
  );
  expect(await drainOutbox(db)).toMatchObject({ sent: 1 });
}

describe('the certificate warning', () => {
  it('comes when the server the outbox sends through shows a certificate expiring within 14 days', async () => {
    const { db } = database().handle;
    const server = await start({
      mode: 'tls',
      auth: credentials,
      certificates: createTestCertificates({ validForDays: 5 }),
    });
    await useServer(db, server);
    expect(await readCertificateWarning(db)).toBeNull();
    await sendOne(db);
    const warning = await readCertificateWarning(db);
    expect(warning).toMatchObject({ host: server.host });
    expect(warning!.days).toBeGreaterThanOrEqual(4);
    expect(warning!.days).toBeLessThanOrEqual(5);
    expect(warning!.validTo.getTime()).toBeGreaterThan(Date.now() + 4 * 86_400_000);

    // Switched off, nothing goes out: no warning. Another server saved: not its certificate.
    await db.update(smtpSettings).set({ enabled: false });
    expect(await readCertificateWarning(db)).toBeNull();
    await setUnreachableSmtp(db, true);
    expect(await readCertificateWarning(db)).toBeNull();
  });

  it('does not come for a certificate valid for longer, and goes once a renewed one is seen', async () => {
    const { db } = database().handle;
    const expiring = await start({
      mode: 'tls',
      auth: credentials,
      certificates: createTestCertificates({ validForDays: 3 }),
    });
    await useServer(db, expiring);
    await sendOne(db);
    expect(await readCertificateWarning(db)).not.toBeNull();
    // The same address, now with a certificate valid for 20 days: the warning goes.
    await expiring.close();
    closePooledTransport();
    const renewed = await start({ mode: 'tls', auth: credentials, port: expiring.port });
    expect(renewed.port).toBe(expiring.port);
    await sendOne(db);
    expect(await readCertificateWarning(db)).toBeNull();
  });

  it('comes from the test email too, without waiting for an email to go out', async () => {
    const { db } = database().handle;
    const server = await start({
      mode: 'starttls',
      auth: credentials,
      certificates: createTestCertificates({ validForDays: 2 }),
    });
    await db.delete(smtpSettings);
    const form = smtpFormSchema.parse({
      ...formFor(server),
      port: String(server.port),
      ssl: '',
      starttls: 'on',
      auth: 'on',
      password: credentials.pass,
    });
    await saveSmtpConfig(db, { form, actor: testSetupActor });
    await db.update(smtpSettings).set({ enabled: true });
    const result = await runSmtpTest(db, {
      form,
      to: 'admin@example.test',
      actor: hostAdminActor(userId),
      message: { subject: 'Test', text: 'Test', html: '<p>Test</p>' },
    });
    expect(result).toMatchObject({ ok: true, report: { ok: true } });
    expect((await readCertificateWarning(db))?.days).toBeLessThanOrEqual(2);
  });
});
