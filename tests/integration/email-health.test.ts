import { beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '@/db/schema';
import { readEmailFailing, readEmailHealth } from '@/lib/outbox/email-health';
import { setUnreachableSmtp } from '../support/test-smtp-settings';
import { withTestDatabase } from '../support/with-test-database';

// Email at a glance: the dashboard's figures, and when every host admin's page says email is
// failing (15 minutes of waiting, or of nothing but failures).

const database = withTestDatabase('email_health');
const db = () => database().handle.db;
const now = new Date('2026-12-05T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

type Status = (typeof outbox.$inferInsert)['status'];
async function email(status: Status, createdMinutesAgo: number, step?: string) {
  const at = minutesAgo(createdMinutesAgo);
  await db()
    .insert(outbox)
    .values({
      recipient: `health-${Math.random().toString(36).slice(2)}@example.test`,
      kind: 'invitation',
      language: 'en',
      status,
      createdAt: at,
      updatedAt: at,
      lastError: step ? { step, advice: 'unexpected', values: {} } : null,
    });
}

beforeEach(async () => {
  await db().delete(outbox);
  await setUnreachableSmtp(db(), true);
});

describe('readEmailFailing', () => {
  it('is quiet while emails go out, or wait less than 15 minutes', async () => {
    await email('sent', 60);
    await email('queued', 10, 'connect');
    expect(await readEmailFailing(db(), now)).toBeNull();
  });

  it('says so once an email has waited 15 minutes, and never while SMTP is off', async () => {
    await email('sent', 60);
    await email('queued', 16, 'connect');
    expect(await readEmailFailing(db(), now)).toEqual({ since: minutesAgo(16), reason: 'waiting' });
    await setUnreachableSmtp(db(), false);
    expect(await readEmailFailing(db(), now)).toBeNull();
  });

  it('says so when everything since the last sent email has failed for 15 minutes', async () => {
    await email('sent', 60);
    await email('failed', 20, 'auth');
    await email('failed', 5, 'auth');
    expect(await readEmailFailing(db(), now)).toEqual({ since: minutesAgo(20), reason: 'failing' });
    // One sent since: it works again.
    await email('sent', 2);
    expect(await readEmailFailing(db(), now)).toBeNull();
  });

  it('does not count a refused recipient: that is one address, not the service', async () => {
    await email('sent', 60);
    await email('failed', 30, 'recipient');
    expect(await readEmailFailing(db(), now)).toBeNull();
  });
});

describe('readEmailHealth', () => {
  it("counts the last day's emails by outcome, what waits, and names the last failure", async () => {
    await email('sent', 60);
    await email('sent', 23 * 60);
    await email('sent', 25 * 60); // before the window
    await email('failed', 120, 'auth');
    await email('held', 30);
    await email('queued', 3, 'connect');
    await email('sending', 1);
    const health = await readEmailHealth(db(), now);
    expect(health).toMatchObject({
      lastDay: { sent: 2, failed: 1, held: 1 },
      waiting: 2,
      oldestWaitingSince: minutesAgo(3),
    });
    // The newest failure: the waiting one being retried after a connection failure.
    expect(health.lastFailure).toMatchObject({ at: minutesAgo(3), diagnosis: { step: 'connect' } });
  });

  it('has nothing to say of an instance that never sent an email', async () => {
    expect(await readEmailHealth(db(), now)).toEqual({
      lastDay: { sent: 0, failed: 0, held: 0 },
      waiting: 0,
      oldestWaitingSince: null,
      lastFailure: null,
    });
  });
});
