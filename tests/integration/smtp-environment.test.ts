import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, outbox, smtpSettings, users } from '@/db/schema';
import type { Database } from '@/db/database';
import { smtpVariables } from '@/lib/env';
import { drainOutbox } from '@/lib/outbox/drain-outbox';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';
import { closePooledTransport } from '@/lib/outbox/pooled-transport';
import { getSmtpSettings, isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { runSmtpTest } from '@/lib/smtp/run-smtp-test';
import { saveSmtpConfig } from '@/lib/smtp/save-smtp-config';
import { setSmtpEnabled } from '@/lib/smtp/set-smtp-enabled';
import { smtpFormSchema } from '@/lib/smtp/smtp-form-schema';
import { hostAdminActor, testSetupActor } from '../support/audit-actors';
import { credentials, withTestSmtpServers } from '../support/smtp-client';
import type { TestSmtpServer } from '../support/smtp-server';
import { withEnvironment } from '../support/with-environment';
import { withTestDatabase } from '../support/with-test-database';

// SMTP_* variables win over the saved configuration: sending, the test email and the page's
// view use them; saving and the switch are refused while they are set.

const database = withTestDatabase('smtp_environment');
const start = withTestSmtpServers();
const environment = withEnvironment(smtpVariables.flatMap((name) => [name, `${name}_FILE`]));
const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-smtp-environment-'));
const message = { subject: 'Test', text: 'Test', html: '<p>Test</p>' };
let userId: string;
let saved: TestSmtpServer;
let fromEnvironment: TestSmtpServer;

beforeAll(async () => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
  const { db } = database().handle;
  const [user] = await db
    .insert(users)
    .values({ email: 'admin@example.test', status: 'active', hostRole: 'admin', passwordHash: 'x' })
    .returning({ id: users.id });
  userId = user!.id;
});
// The console saved one server, switched off; the environment names another. Each test has
// both anew (the harness closes its servers after each test).
beforeEach(async () => {
  const { db } = database().handle;
  saved = await start({ mode: 'tls', auth: credentials });
  fromEnvironment = await start({ mode: 'starttls', auth: credentials });
  await db.delete(smtpSettings);
  environment({});
  await saveSmtpConfig(db, {
    form: smtpFormSchema.parse({
      host: saved.host,
      port: String(saved.port),
      senderName: 'Saved',
      senderEmail: 'saved@nordlicht.test',
      ssl: 'on',
      auth: 'on',
      username: credentials.user,
      password: credentials.pass,
      caPem: saved.caPem,
    }),
    actor: testSetupActor,
  });
});
afterEach(async () => {
  closePooledTransport();
  await database().handle.db.delete(outbox);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function secretFile(name: string, contents: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, contents);
  return file;
}

function setWholeEnvironment(extra: Record<string, string> = {}) {
  environment({
    SMTP_HOST: fromEnvironment.host,
    SMTP_PORT: String(fromEnvironment.port),
    SMTP_SECURITY: 'starttls',
    SMTP_SENDER_NAME: 'From The Environment',
    SMTP_SENDER_EMAIL: 'env@nordlicht.test',
    SMTP_USERNAME: credentials.user,
    SMTP_PASSWORD_FILE: secretFile('password', `${credentials.pass}\n`),
    SMTP_CA_PEM_FILE: secretFile('ca.pem', fromEnvironment.caPem),
    ...extra,
  });
}

const queueOne = (db: Database, n: number) =>
  db.transaction((tx) =>
    enqueueEmail(tx, {
      recipient: `user${n}@example.test`,
      kind: 'invitation',
      language: 'en',
      content: { subject: `Invitation ${n}`, text: 'Accept', html: '<p>Accept</p>' },
    }),
  );

describe('a configuration from the environment', () => {
  it('is what the page shows, locked field by field, with no secret in it', async () => {
    setWholeEnvironment();
    const view = await getSmtpSettings(database().handle.db);
    expect(view).toMatchObject({
      host: fromEnvironment.host,
      port: fromEnvironment.port,
      senderName: 'From The Environment',
      ssl: false,
      starttls: true,
      hasPassword: true,
      enabled: true,
    });
    expect(view?.setBy?.fields).toMatchObject({
      host: 'SMTP_HOST',
      password: 'SMTP_PASSWORD_FILE',
      caPem: 'SMTP_CA_PEM_FILE',
    });
    expect(view?.setBy?.enabled).toBe('SMTP_HOST');
    expect(JSON.stringify(view)).not.toContain(credentials.pass);
  });

  it('sends the queued email through its server, although the saved switch is off', async () => {
    setWholeEnvironment();
    const { db } = database().handle;
    expect(await isSmtpEnabled(db)).toBe(true);
    await queueOne(db, 1);
    expect(await drainOutbox(db)).toMatchObject({ sent: 1, failed: 0 });
    expect(fromEnvironment.messages.map((m) => m.parsed.subject)).toContain('Invitation 1');
    expect(saved.messages).toEqual([]);
    expect(fromEnvironment.messages.at(-1)!.parsed.from?.value[0]?.address).toBe(
      'env@nordlicht.test',
    );
  });

  it('sends the test email with it, whatever form is posted', async () => {
    setWholeEnvironment();
    const { db } = database().handle;
    const before = fromEnvironment.messages.length;
    const result = await runSmtpTest(db, {
      form: null,
      to: 'admin@example.test',
      actor: hostAdminActor(userId),
      message,
    });
    expect(result).toMatchObject({ ok: true, report: { ok: true } });
    // A replayed form naming the saved server still tests the environment's.
    const replayed = smtpFormSchema.parse({
      host: saved.host,
      port: String(saved.port),
      senderName: 'x',
      senderEmail: 'x@nordlicht.test',
      ssl: 'on',
    });
    await runSmtpTest(db, {
      form: replayed,
      to: 'admin@example.test',
      actor: hostAdminActor(userId),
      message,
    });
    expect(fromEnvironment.messages.length).toBe(before + 2);
    expect(saved.messages).toEqual([]);
    const [event] = await db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.eventType, 'smtp.testSent'))
      .limit(1);
    expect(event?.details).toMatchObject({ host: fromEnvironment.host, delivered: true });
  });

  it('refuses a save and the switch, and leaves the saved configuration as it was', async () => {
    setWholeEnvironment();
    const { db } = database().handle;
    const [before] = await db.select().from(smtpSettings);
    const save = await saveSmtpConfig(db, {
      form: smtpFormSchema.parse({
        host: 'elsewhere.example.test',
        port: '25',
        senderName: 'x',
        senderEmail: 'x@nordlicht.test',
      }),
      actor: hostAdminActor(userId),
    });
    expect(save).toEqual({ ok: false, reason: 'setByEnvironment' });
    const switched = await setSmtpEnabled(db, {
      enabled: false,
      version: undefined,
      actor: hostAdminActor(userId),
      place: 'smtpPage',
    });
    expect(switched).toEqual({ ok: false, reason: 'setByEnvironment' });
    expect(await db.select().from(smtpSettings)).toEqual([before]);
  });

  it('sends nothing while SMTP_ENABLED is false', async () => {
    setWholeEnvironment({ SMTP_ENABLED: 'false' });
    const { db } = database().handle;
    expect(await isSmtpEnabled(db)).toBe(false);
    expect(await queueOne(db, 2)).toBeNull();
    expect((await getSmtpSettings(db))?.setBy?.enabled).toBe('SMTP_ENABLED');
  });
});

describe('SMTP_ENABLED alone', () => {
  it('turns the saved configuration on and locks the switch', async () => {
    environment({ SMTP_ENABLED: 'true' });
    const { db } = database().handle;
    expect(await isSmtpEnabled(db)).toBe(true);
    const view = await getSmtpSettings(db);
    expect(view).toMatchObject({ host: saved.host, enabled: true });
    expect(view?.setBy).toEqual({ fields: null, enabled: 'SMTP_ENABLED' });
    await queueOne(db, 3);
    expect(await drainOutbox(db)).toMatchObject({ sent: 1 });
    expect(saved.messages.map((m) => m.parsed.subject)).toEqual(['Invitation 3']);
    expect(
      await setSmtpEnabled(db, {
        enabled: false,
        version: undefined,
        actor: hostAdminActor(userId),
        place: 'dashboard',
      }),
    ).toEqual({ ok: false, reason: 'setByEnvironment' });
    // A save is still the console's: only the switch is set.
    expect(
      await saveSmtpConfig(db, {
        form: smtpFormSchema.parse({
          host: saved.host,
          port: String(saved.port),
          senderName: 'Renamed',
          senderEmail: 'saved@nordlicht.test',
          ssl: 'on',
          auth: 'on',
          username: credentials.user,
          caPem: saved.caPem,
        }),
        actor: hostAdminActor(userId),
      }),
    ).toMatchObject({ ok: true });
  });
});
