import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outbox, smtpSettings } from '@/db/schema';
import type { Database } from '@/db/database';
import { drainOutbox } from '@/lib/outbox/drain-outbox';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';
import { closePooledTransport } from '@/lib/outbox/pooled-transport';
import { saveSmtpConfig } from '@/lib/smtp/save-smtp-config';
import { smtpFormSchema } from '@/lib/smtp/smtp-form-schema';
import { testSetupActor } from '../support/audit-actors';
import { credentials, withTestSmtpServers } from '../support/smtp-client';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { withTestDatabase } from '../support/with-test-database';

const database = withTestDatabase('outbox');
const start = withTestSmtpServers();
const content = (n: number) => ({
  subject: `Invitation ${n}`,
  text: `Accept: https://gatehouse.test/invite/${n}`,
  html: `<a href="https://gatehouse.test/invite/${n}">Accept</a>`,
});

beforeAll(() => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
});
afterEach(async () => {
  closePooledTransport();
  await database().handle.db.delete(outbox);
});

async function useServer(db: Database, server: TestSmtpServer, enabled = true) {
  const form = smtpFormSchema.parse({
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
  await db.delete(smtpSettings);
  await saveSmtpConfig(db, { form, actor: testSetupActor });
  await db.update(smtpSettings).set({ enabled });
}

async function queue(db: Database, count: number, extra: { supersedeKey?: string } = {}) {
  const ids: (string | null)[] = [];
  for (let n = 0; n < count; n++) {
    ids.push(
      await db.transaction((tx) =>
        enqueueEmail(tx, {
          recipient: `user${n}@example.test`,
          kind: 'invitation',
          language: 'en',
          content: content(n),
          ...extra,
        }),
      ),
    );
  }
  return ids;
}

const statuses = (db: Database) =>
  db
    .select({ status: outbox.status, attempts: outbox.attempts })
    .from(outbox)
    .orderBy(outbox.createdAt);

describe('the outbox', () => {
  it('queues nothing while the switch is off', async () => {
    const { db } = database().handle;
    await useServer(db, await start({ mode: 'tls', auth: credentials }), false);
    expect(await queue(db, 1)).toEqual([null]);
    expect(await db.select().from(outbox)).toEqual([]);
  });

  it('delivers, records the message id and erases the payload', async () => {
    const { db } = database().handle;
    const server = await start({ mode: 'tls', auth: credentials });
    await useServer(db, server);
    await queue(db, 3);
    expect(await drainOutbox(db)).toEqual({ sent: 3, failed: 0, retrying: 0, paused: false });
    expect(server.messages.map((m) => m.parsed.subject).sort()).toEqual([
      'Invitation 0',
      'Invitation 1',
      'Invitation 2',
    ]);
    expect(server.messages[0]!.parsed.from?.value[0]).toEqual({
      name: 'Nordlicht',
      address: 'noreply@nordlicht.test',
    });
    const rows = await db.select().from(outbox);
    expect(
      rows.every((row) => row.status === 'sent' && row.payloadEncrypted === null && row.messageId),
    ).toBe(true);
  });

  it('retries a temporary failure and then delivers exactly once', async () => {
    const { db } = database().handle;
    const server = await start({ mode: 'tls', auth: credentials, fault: 'temporary' });
    await useServer(db, server);
    await queue(db, 1);
    expect(await drainOutbox(db)).toMatchObject({ sent: 0, retrying: 1 });
    const [waiting] = await db.select().from(outbox);
    expect(waiting).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: { step: 'sender', code: '451' },
    });
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    // Not due yet: a drain now sends nothing. Then time passes and the fault clears.
    expect(await drainOutbox(db)).toMatchObject({ sent: 0, retrying: 0 });
    server.setFault(null);
    await db.update(outbox).set({ nextAttemptAt: sql`now()` });
    expect(await drainOutbox(db)).toMatchObject({ sent: 1 });
    expect(server.messages).toHaveLength(1);
    expect(await statuses(db)).toEqual([{ status: 'sent', attempts: 2 }]);
  });

  it('fails a permanent refusal at once, with the reason, keeping the content for Resend', async () => {
    const { db } = database().handle;
    await useServer(
      db,
      await start({ mode: 'tls', auth: credentials, fault: 'recipient-refused' }),
    );
    await queue(db, 1);
    expect(await drainOutbox(db)).toMatchObject({ failed: 1 });
    const [row] = await db.select().from(outbox);
    expect(row).toMatchObject({
      status: 'failed',
      lastError: { step: 'recipient', advice: 'relayDenied', code: '550' },
    });
    expect(row!.payloadEncrypted).toMatch(/^v1:/);
  });

  it('loses nothing while the SMTP server is down, and delivers when it is back', async () => {
    const { db } = database().handle;
    const first = await startTestSmtpServer({ mode: 'tls', auth: credentials });
    const port = first.port;
    await useServer(db, first);
    await first.close();
    await queue(db, 5);
    expect(await drainOutbox(db)).toMatchObject({ sent: 0, retrying: 5 });
    const rows = await db.select({ lastError: outbox.lastError }).from(outbox);
    expect(rows.every((row) => (row.lastError as { step: string }).step === 'connect')).toBe(true);

    const again = await start({ mode: 'tls', auth: credentials, port });
    await db.update(outbox).set({ nextAttemptAt: sql`now()` });
    expect(await drainOutbox(db)).toMatchObject({ sent: 5 });
    expect(again.messages).toHaveLength(5);
  });

  it('cancels an older email with the same key (a regenerated link)', async () => {
    const { db } = database().handle;
    await useServer(db, await start({ mode: 'tls', auth: credentials }), true);
    await queue(db, 1, { supersedeKey: 'invitation:u1' });
    await queue(db, 1, { supersedeKey: 'invitation:u1' });
    const rows = await db
      .select({ status: outbox.status, payload: outbox.payloadEncrypted })
      .from(outbox)
      .orderBy(outbox.createdAt);
    expect(rows.map((row) => row.status)).toEqual(['cancelled', 'queued']);
    expect(rows[0]!.payload).toBeNull();
  });

  it('pauses while the switch is off and resumes when it is on again', async () => {
    const { db } = database().handle;
    const server = await start({ mode: 'tls', auth: credentials });
    await useServer(db, server);
    await queue(db, 2);
    await db.update(smtpSettings).set({ enabled: false });
    expect(await drainOutbox(db)).toMatchObject({ paused: true, sent: 0 });
    await db.update(smtpSettings).set({ enabled: true });
    expect(await drainOutbox(db)).toMatchObject({ sent: 2 });
  });

  it('takes over emails whose sender stopped mid-batch once their lease has run out', async () => {
    const { db } = database().handle;
    const server = await start({ mode: 'tls', auth: credentials });
    await useServer(db, server);
    await queue(db, 4);
    // A sender claimed two and died: its lease is still running for one, ran out for the other.
    const [a, b] = await db.select({ id: outbox.id }).from(outbox).limit(2);
    await db
      .update(outbox)
      .set({ status: 'sending', attempts: 1, leaseUntil: sql`now() + interval '1 minute'` })
      .where(eq(outbox.id, a!.id));
    await db
      .update(outbox)
      .set({ status: 'sending', attempts: 1, leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(outbox.id, b!.id));
    expect(await drainOutbox(db)).toMatchObject({ sent: 3 });
    await db
      .update(outbox)
      .set({ leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(outbox.id, a!.id));
    expect(await drainOutbox(db)).toMatchObject({ sent: 1 });
    expect(server.messages).toHaveLength(4);
  });

  it('two senders draining together deliver each email exactly once', async () => {
    const { db } = database().handle;
    const server = await start({ mode: 'tls', auth: credentials });
    await useServer(db, server);
    await queue(db, 200);
    const other = (await import('@/db/open-postgres')).openPostgres(database().url, {
      maxConnections: 3,
    });
    const [left, right] = await Promise.all([
      drainOutbox(db, { batchSize: 10 }),
      drainOutbox(other.db, { batchSize: 10 }),
    ]);
    await other.close();
    expect(left.sent + right.sent).toBe(200);
    const subjects = server.messages.map((m) => m.parsed.subject);
    expect(new Set(subjects).size).toBe(200);
    expect(subjects).toHaveLength(200);
  });

  it('sends an email once when recording it as sent fails at first, even after its lease', async () => {
    const { db } = database().handle;
    const server = await start({ mode: 'tls', auth: credentials });
    await useServer(db, server);
    await queue(db, 1);
    // A real fault of the database: the first two updates to 'sent' raise. A sequence counts
    // them because, unlike a table, it is not rolled back with the failing statement.
    await db.execute(sql`create sequence outbox_sent_faults`);
    await db.execute(sql`
      create function fail_recording_sent() returns trigger language plpgsql as $$
      begin
        if new.status = 'sent' then
          if nextval('outbox_sent_faults') <= 2 then
            raise exception 'injected fault: cannot record the email as sent';
          end if;
        end if;
        return new;
      end $$`);
    await db.execute(sql`
      create trigger outbox_sent_fault before update on outbox
      for each row execute function fail_recording_sent()`);
    try {
      const first = await drainOutbox(db);
      expect(server.messages).toHaveLength(1);

      // Drain again as if every backoff and every lease had run out.
      await db
        .update(outbox)
        .set({ nextAttemptAt: sql`now()`, leaseUntil: sql`now() - interval '1 second'` });
      await drainOutbox(db);
      expect(server.messages).toHaveLength(1);
      expect(first).toEqual({ sent: 1, failed: 0, retrying: 0, paused: false });
      expect(await statuses(db)).toEqual([{ status: 'sent', attempts: 1 }]);
      const [row] = await db.select().from(outbox);
      expect(row).toMatchObject({ lastError: null, payloadEncrypted: null });
      expect(row!.messageId).toBe(server.messages[0]!.parsed.messageId);
    } finally {
      await db.execute(sql`drop trigger outbox_sent_fault on outbox`);
      await db.execute(sql`drop function fail_recording_sent`);
      await db.execute(sql`drop sequence outbox_sent_faults`);
    }
  });
});
