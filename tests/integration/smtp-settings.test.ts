import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { smtpLastTest, smtpSettings, users } from '@/db/schema';
import { getLastSmtpTest, getSmtpSettings } from '@/lib/smtp/get-smtp-settings';
import { loadSmtpConfig } from '@/lib/smtp/load-smtp-config';
import { runSmtpTest } from '@/lib/smtp/run-smtp-test';
import { saveSmtpConfig } from '@/lib/smtp/save-smtp-config';
import { setSmtpEnabled } from '@/lib/smtp/set-smtp-enabled';
import { smtpFormSchema, type SmtpForm } from '@/lib/smtp/smtp-form-schema';
import { hostAdminActor, testSetupActor } from '../support/audit-actors';
import { createTestCertificates } from '../support/certificates';
import { credentials, withTestSmtpServers } from '../support/smtp-client';
import type { SmtpMode, TestSmtpServer } from '../support/smtp-server';
import { withTestDatabase } from '../support/with-test-database';

const database = withTestDatabase('smtp_settings');
const start = withTestSmtpServers();
const message = { subject: 'Test', text: 'Test', html: '<p>Test</p>' };
let userId: string;

beforeAll(async () => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
  const [user] = await database()
    .handle.db.insert(users)
    .values({ email: 'admin@example.test', status: 'active', hostRole: 'admin', passwordHash: 'x' })
    .returning({ id: users.id });
  userId = user!.id;
});

const switchedBy = { actor: testSetupActor, place: 'smtpPage' } as const;

function form(values: Record<string, string>): SmtpForm {
  return smtpFormSchema.parse({
    host: 'smtp.example.test',
    port: '465',
    senderName: 'Nordlicht',
    senderEmail: 'noreply@nordlicht.test',
    ssl: 'on',
    auth: 'on',
    username: 'mailer',
    password: '',
    ...values,
  });
}

describe('saving', () => {
  it('stores the password only encrypted and never shows it', async () => {
    const { db } = database().handle;
    const saved = await saveSmtpConfig(db, {
      form: form({ password: 's3cret-app-password' }),
      actor: hostAdminActor(userId),
    });
    expect(saved.ok).toBe(true);
    const [row] = await db.select().from(smtpSettings);
    expect(row!.passwordEncrypted).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain('s3cret-app-password');
    const view = await getSmtpSettings(db);
    expect(view).toMatchObject({ host: 'smtp.example.test', hasPassword: true, enabled: false });
    expect(JSON.stringify(view)).not.toContain('s3cret-app-password');
    expect((await loadSmtpConfig(db))?.password).toBe('s3cret-app-password');
  });

  it('keeps the stored password when the field is blank, for the same host and user only', async () => {
    const { db } = database().handle;
    expect(
      await saveSmtpConfig(db, {
        form: form({ senderName: 'Renamed' }),
        actor: hostAdminActor(userId),
      }),
    ).toMatchObject({ ok: true });
    expect((await loadSmtpConfig(db))?.password).toBe('s3cret-app-password');
    expect(
      await saveSmtpConfig(db, {
        form: form({ host: 'evil.example.test' }),
        actor: hostAdminActor(userId),
      }),
    ).toEqual({ ok: false, reason: 'passwordNeeded', changed: 'host' });
    expect(
      await saveSmtpConfig(db, {
        form: form({ username: 'someone-else' }),
        actor: hostAdminActor(userId),
      }),
    ).toEqual({
      ok: false,
      reason: 'passwordNeeded',
      changed: 'username',
    });
    expect(
      await saveSmtpConfig(db, { form: form({ port: '2525' }), actor: hostAdminActor(userId) }),
    ).toEqual({
      ok: false,
      reason: 'passwordNeeded',
      changed: 'port',
    });
    expect((await getSmtpSettings(db))?.host).toBe('smtp.example.test');
  });

  it('forgets the password when authentication is turned off, and keeps the switch', async () => {
    const { db } = database().handle;
    const view = await getSmtpSettings(db);
    expect(
      await setSmtpEnabled(db, { enabled: true, version: view!.version, ...switchedBy }),
    ).toEqual({
      ok: true,
      enabled: true,
    });
    await saveSmtpConfig(db, { form: form({ auth: '' }), actor: hostAdminActor(userId) });
    const after = await getSmtpSettings(db);
    expect(after).toMatchObject({ hasPassword: false, username: '', enabled: true });
  });
});

describe('the switch', () => {
  it('turns on only for the version the admin saw, and off at any time', async () => {
    const { db } = database().handle;
    await setSmtpEnabled(db, { enabled: false, version: undefined, ...switchedBy });
    const seen = (await getSmtpSettings(db))!.version;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await saveSmtpConfig(db, {
      form: form({ auth: '', senderName: 'Changed meanwhile' }),
      actor: hostAdminActor(userId),
    });
    expect(await setSmtpEnabled(db, { enabled: true, version: seen, ...switchedBy })).toEqual({
      ok: false,
      reason: 'changedMeanwhile',
    });
    const current = (await getSmtpSettings(db))!.version;
    expect(
      await setSmtpEnabled(db, { enabled: true, version: current, ...switchedBy }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await setSmtpEnabled(db, { enabled: false, version: 'whatever', ...switchedBy }),
    ).toMatchObject({
      ok: true,
    });
    expect((await getSmtpSettings(db))?.senderName).toBe('Changed meanwhile');
  });

  it('cannot be turned on before anything is saved', async () => {
    const { db } = database().handle;
    await db.delete(smtpSettings);
    expect(await setSmtpEnabled(db, { enabled: true, version: undefined, ...switchedBy })).toEqual({
      ok: false,
      reason: 'notConfigured',
    });
  });
});

describe('the test email', () => {
  it('uses the stored password for the saved host, keeps the outcome, and is throttled', async () => {
    const { db } = database().handle;
    const server = await start({ mode: 'tls', auth: credentials });
    const values = {
      host: server.host,
      port: String(server.port),
      username: credentials.user,
      caPem: server.caPem,
    };
    await saveSmtpConfig(db, {
      form: form({ ...values, password: credentials.pass }),
      actor: hostAdminActor(userId),
    });
    const result = await runSmtpTest(db, {
      form: form(values),
      to: 'admin@example.test',
      actor: hostAdminActor(userId),
      message,
    });
    expect(result).toMatchObject({
      ok: true,
      report: { ok: true, recipient: 'admin@example.test' },
    });
    await server.waitForMessage();
    const last = await getLastSmtpTest(db);
    expect(last?.report).toMatchObject({ ok: true });
    expect(JSON.stringify(await db.select().from(smtpLastTest))).not.toContain(credentials.pass);

    // A draft aimed at another host needs the password typed again.
    expect(
      await runSmtpTest(db, {
        form: form({ ...values, host: 'localhost' }),
        to: 'a@b.test',
        actor: hostAdminActor(userId),
        message,
      }),
    ).toEqual({ ok: false, reason: 'passwordNeeded', changed: 'host' });

    for (let n = 2; n <= 10; n++) {
      await runSmtpTest(db, {
        // Another port needs the password typed: only tests that connect count.
        form: form({ ...values, port: '1', password: credentials.pass }),
        to: 'a@b.test',
        actor: hostAdminActor(userId),
        message,
      });
    }
    const blocked = await runSmtpTest(db, {
      form: form(values),
      to: 'a@b.test',
      actor: hostAdminActor(userId),
      message,
    });
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
    await db.delete(smtpLastTest).where(eq(smtpLastTest.id, 1));
  });

  it('runs at most ten of twenty-five concurrent test emails', async () => {
    const { db } = database().handle;
    const [other] = await db
      .insert(users)
      .values({
        email: 'busy@example.test',
        status: 'active',
        hostRole: 'admin',
        passwordHash: 'x',
      })
      .returning({ id: users.id });
    // Nothing listens on port 1: each test that runs fails fast at the connection.
    const draft = form({ host: '127.0.0.1', port: '1', ssl: '', password: 'typed' });
    const results = await Promise.all(
      Array.from({ length: 25 }, () =>
        runSmtpTest(db, { form: draft, to: 'a@b.test', actor: hostAdminActor(other!.id), message }),
      ),
    );
    const ran = results.filter((result) => result.ok);
    expect(ran).toHaveLength(10);
    for (const result of ran) expect(result).toMatchObject({ report: { ok: false } });
    expect(results.filter((result) => !result.ok && result.reason === 'throttled')).toHaveLength(
      15,
    );
    await db.delete(smtpLastTest).where(eq(smtpLastTest.id, 1));
  });
});

describe('the stored password', () => {
  // Each case saves a configuration for a real server, then aims the test email elsewhere with
  // the password left blank: a server on another port, or one that took over the saved port
  // without TLS or with its own certificate. That server must never see a login attempt.
  type Elsewhere = (saved: TestSmtpServer) => Promise<[TestSmtpServer, Record<string, string>]>;
  const cases: [string, SmtpMode, Elsewhere, string][] = [
    [
      'another port',
      'tls',
      async () => {
        const other = await start({ mode: 'tls', auth: credentials });
        return [other, { port: String(other.port) }];
      },
      'port',
    ],
    [
      'SSL turned off',
      'tls',
      async (saved) => {
        await saved.close();
        return [await start({ mode: 'plain', auth: credentials, port: saved.port }), { ssl: '' }];
      },
      'ssl',
    ],
    [
      'StartTLS turned off',
      'starttls',
      async (saved) => {
        await saved.close();
        return [
          await start({ mode: 'plain', auth: credentials, port: saved.port }),
          { starttls: '' },
        ];
      },
      'starttls',
    ],
    [
      'its own CA certificate',
      'tls',
      async (saved) => {
        await saved.close();
        const certificates = createTestCertificates({ selfSigned: true });
        return [
          await start({ mode: 'tls', auth: credentials, port: saved.port, certificates }),
          { caPem: certificates.caPem },
        ];
      },
      'caPem',
    ],
  ];

  it.each(cases)('is not sent to a server with %s', async (_name, mode, elsewhere, changed) => {
    const { db } = database().handle;
    const [tester] = await db
      .insert(users)
      .values({
        email: `tester-${crypto.randomUUID()}@example.test`,
        status: 'active',
        passwordHash: 'x',
      })
      .returning({ id: users.id });
    const saved = await start({ mode, auth: credentials });
    const values = {
      host: saved.host,
      port: String(saved.port),
      ssl: mode === 'tls' ? 'on' : '',
      starttls: mode === 'starttls' ? 'on' : '',
      username: credentials.user,
      caPem: saved.caPem,
    };
    await saveSmtpConfig(db, {
      form: form({ ...values, password: credentials.pass }),
      actor: hostAdminActor(userId),
    });
    const [other, change] = await elsewhere(saved);

    const result = await runSmtpTest(db, {
      form: form({ ...values, ...change }),
      to: 'admin@example.test',
      actor: hostAdminActor(tester!.id),
      message,
    });

    expect(other.logins).toEqual([]);
    expect(other.messages).toEqual([]);
    expect(result).toEqual({ ok: false, reason: 'passwordNeeded', changed });
  });
});
