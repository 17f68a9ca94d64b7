import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox, smtpSettings, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/read-session';
import { inviteUser } from '@/lib/invitations/invite-user';
import { regenerateInvitation } from '@/lib/users/regenerate-invitation';
import { drainOutbox } from '@/lib/outbox/drain-outbox';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';
import { listDeliveries, type DeliveryStatus } from '@/lib/outbox/list-deliveries';
import { closePooledTransport } from '@/lib/outbox/pooled-transport';
import { resendEmail } from '@/lib/outbox/resend-email';
import { testSetupActor } from '../support/audit-actors';
import { credentials, withTestSmtpServers } from '../support/smtp-client';
import type { TestSmtpServer } from '../support/smtp-server';
import { testSmtpSettings } from '../support/test-smtp-settings';
import { withTestDatabase } from '../support/with-test-database';

// With an allow-list (MAIL_ALLOWLIST, or a preview deployment), only its addresses are emailed;
// every other email is held in the delivery log with its link, and never sent by a drain.

const database = withTestDatabase('mail_allowlist');
const db = () => database().handle.db;
const start = withTestSmtpServers();
const appSecret = 'integration-test-secret-0123456789-abcdefghij';
const names = ['APP_SECRET', 'MAIL_ALLOWLIST', 'VERCEL_ENV'] as const;
const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
let server: TestSmtpServer;
let counter = 0;

/** The delivery log's first page, all of it or one status. */
const deliveryLog = async (status: DeliveryStatus | null = null) =>
  (
    await listDeliveries(db(), {
      recipient: '',
      kind: null,
      status,
      from: null,
      to: null,
      position: null,
      size: 100,
    })
  ).rows;

beforeAll(() => {
  process.env.APP_SECRET = appSecret;
  delete process.env.VERCEL_ENV;
});
beforeEach(async () => {
  process.env.MAIL_ALLOWLIST = 'boss@elsewhere.test, *@allowed.test';
  server = await start({ mode: 'tls', auth: credentials });
  await db().delete(smtpSettings);
  await db().insert(smtpSettings).values(testSmtpSettings(server, { credentials, appSecret }));
});
afterEach(async () => {
  closePooledTransport();
  await db().delete(outbox);
});
afterAll(() => {
  for (const name of names) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

async function makeAdmin(): Promise<SessionUser> {
  const email = `admin${++counter}@example.test`;
  const [row] = await db()
    .insert(users)
    .values({
      email,
      status: 'active',
      hostRole: 'admin',
      passwordHash: await hash('unused password 1'),
    })
    .returning({ id: users.id });
  return { id: row!.id, email, language: 'en', hostRole: 'admin', accountRoles: new Map() };
}

async function invite(inviter: SessionUser, local: string, domain: string) {
  const email = `${local}${++counter}@${domain}`;
  const result = await inviteUser(db(), {
    auditActor: testSetupActor,
    inviter,
    email,
    request: { type: 'host', role: 'standard' },
    language: 'en',
  });
  if (!result.ok) throw new Error(`invite refused: ${result.reason}`);
  expect(result.emailId).not.toBeNull();
  return { ...result, email, emailId: result.emailId! };
}

async function emailRow(id: string) {
  const [row] = await db()
    .select({ status: outbox.status, payload: outbox.payloadEncrypted })
    .from(outbox)
    .where(eq(outbox.id, id));
  return row;
}

const mailTo = (email: string) =>
  server.messages.filter((message) => message.envelope.rcptTo.includes(email));

describe('with an allow-list', () => {
  it('emails an invitation to an allowed address and holds one to another, with its link in the log', async () => {
    const admin = await makeAdmin();
    const allowed = await invite(admin, 'ada', 'allowed.test');
    const other = await invite(admin, 'eve', 'elsewhere.test');

    expect(await emailRow(allowed.emailId)).toMatchObject({ status: 'queued' });
    const held = await emailRow(other.emailId);
    expect(held?.status).toBe('held');
    // The content is kept, encrypted as usual: it is what the log shows the link from.
    expect(held?.payload).toMatch(/^v1:/);
    expect(held?.payload).not.toContain('/invite/');

    expect(await drainOutbox(db())).toEqual({ sent: 1, failed: 0, retrying: 0, paused: false });
    expect(server.messages).toHaveLength(1);
    expect(server.messages[0]!.envelope.rcptTo).toEqual([allowed.email]);
    expect(server.messages[0]!.links).toContain(allowed.link);
    expect(mailTo(other.email)).toEqual([]);

    // Another drain leaves the held email where it is.
    expect(await drainOutbox(db())).toMatchObject({ sent: 0, failed: 0, retrying: 0 });
    expect(server.messages).toHaveLength(1);
    expect(await emailRow(other.emailId)).toMatchObject({ status: 'held' });

    const log = await deliveryLog();
    expect(log.find((row) => row.id === other.emailId)).toMatchObject({
      recipient: other.email,
      kind: 'invitation',
      status: 'held',
      resendable: true,
      heldLinks: [other.link],
    });
    // Only held emails give their links away.
    expect(log.find((row) => row.id === allowed.emailId)).toMatchObject({
      status: 'sent',
      heldLinks: [],
    });
    expect((await deliveryLog('held')).map((row) => row.id)).toEqual([other.emailId]);
  });

  it('keeps a held email held on Resend while its address is not allowed, and sends it once it is', async () => {
    const admin = await makeAdmin();
    const other = await invite(admin, 'eve', 'elsewhere.test');
    expect(await resendEmail(db(), { actor: testSetupActor, id: other.emailId })).toBe('held');
    expect(await emailRow(other.emailId)).toMatchObject({ status: 'held' });
    await drainOutbox(db());
    expect(server.messages).toEqual([]);

    process.env.MAIL_ALLOWLIST = `*@allowed.test ${other.email}`;
    expect(await resendEmail(db(), { actor: testSetupActor, id: other.emailId })).toBe('queued');
    expect(await drainOutbox(db())).toMatchObject({ sent: 1 });
    expect(mailTo(other.email)).toHaveLength(1);
    expect(mailTo(other.email)[0]!.links).toContain(other.link);
    expect(await emailRow(other.emailId)).toEqual({ status: 'sent', payload: null });
  });

  it('cancels an older held invitation when the link is regenerated; the new one is held too', async () => {
    const admin = await makeAdmin();
    const first = await invite(admin, 'eve', 'elsewhere.test');
    const again = await regenerateInvitation(db(), {
      actor: admin,
      auditActor: testSetupActor,
      userId: first.userId,
    });
    if (!again.ok) throw new Error(again.reason);
    expect(await emailRow(first.emailId)).toEqual({ status: 'cancelled', payload: null });
    expect(await emailRow(again.emailId!)).toMatchObject({ status: 'held' });
    const log = await deliveryLog('held');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ id: again.emailId, heldLinks: [again.link] });
  });

  it('on a preview deployment without MAIL_ALLOWLIST, holds every email', async () => {
    delete process.env.MAIL_ALLOWLIST;
    process.env.VERCEL_ENV = 'preview';
    try {
      const admin = await makeAdmin();
      const invited = await invite(admin, 'ada', 'allowed.test');
      expect(await emailRow(invited.emailId)).toMatchObject({ status: 'held' });
      await drainOutbox(db());
      expect(server.messages).toEqual([]);
    } finally {
      delete process.env.VERCEL_ENV;
    }
  });

  it('holds an email queued before the allow-list applied instead of sending it', async () => {
    delete process.env.MAIL_ALLOWLIST;
    const id = await db().transaction((tx) =>
      enqueueEmail(tx, {
        recipient: 'someone@real-customer.test',
        kind: 'password-reset',
        language: 'en',
        content: {
          subject: 'Reset',
          text: 'Reset: http://localhost:3000/reset/tok',
          html: '<p>Reset</p>',
        },
      }),
    );
    expect(await emailRow(id!)).toMatchObject({ status: 'queued' });

    process.env.MAIL_ALLOWLIST = '*@allowed.test';
    expect(await drainOutbox(db())).toMatchObject({ sent: 0, failed: 0, retrying: 0 });
    expect(server.messages).toEqual([]);
    expect(await emailRow(id!)).toMatchObject({ status: 'held' });
    expect((await deliveryLog('held'))[0]?.heldLinks).toEqual(['http://localhost:3000/reset/tok']);
  });
});
