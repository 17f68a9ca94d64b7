import { sql, type SQLWrapper } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invitations, outbox, passwordResets, users, type UserStatus } from '@/db/schema';
import { setEmailRetention } from '@/lib/host/email-retention';
import { deadInvitations } from '@/lib/invitations/delete-dead-invitations';
import { openInvitationExpiries } from '@/lib/invitations/open-invitation-expiries';
import { sweepExpiredRows } from '@/lib/maintenance/sweep-expired-rows';
import { oldEmails } from '@/lib/outbox/delete-old-emails';
import { deadResets } from '@/lib/resets/delete-dead-resets';
import { testSetupActor } from '../support/audit-actors';
import { withTestDatabase } from '../support/with-test-database';
import { log } from '@/lib/log/logger';

// Issue 20's growth sweeps: finished emails past the host's retention (90 days by default),
// and invitation and reset links dead for over 30 days, each a bounded batch per run.

const database = withTestDatabase('retention_sweep');
const db = () => database().handle.db;
const days = (n: number) => new Date(Date.now() + n * 86_400_000);

async function sweepTimes(runs: number, limit: number) {
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await sweepExpiredRows(db(), { limit }));
  return results;
}

async function makeUser(name: string, status: UserStatus): Promise<string> {
  const [user] = await db()
    .insert(users)
    .values({
      email: `${name}@example.test`,
      status,
      passwordHash: status === 'pending' ? null : 'x',
    })
    .returning({ id: users.id });
  return user!.id;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await db().delete(outbox);
  await db().delete(invitations);
  await db().delete(passwordResets);
  await db().delete(users);
  await setEmailRetention(db(), { days: 90, actor: testSetupActor });
});

describe('the delivery log’s retention', () => {
  type Status = (typeof outbox.$inferInsert)['status'];
  const email = (label: string, status: Status, createdAt: Date, updatedAt = createdAt) => ({
    recipient: `${label}@example.test`,
    kind: 'invitation',
    language: 'en' as const,
    status,
    payloadEncrypted: status === 'sent' ? null : 'sealed',
    createdAt,
    updatedAt,
    ...(status === 'sent' ? { sentAt: updatedAt, messageId: `<${label}@example.test>` } : {}),
  });
  const recipientsLeft = async () =>
    (await db().select({ recipient: outbox.recipient }).from(outbox))
      .map((row) => row.recipient.replace('@example.test', ''))
      .sort();

  it('deletes finished emails past 90 days, a bounded batch per run, and nothing else', async () => {
    await db()
      .insert(outbox)
      .values([
        // Finished more than 90 days ago: they go.
        email('sent-1', 'sent', days(-91)),
        email('sent-2', 'sent', days(-200)),
        email('sent-3', 'sent', days(-120), days(-100)),
        email('failed', 'failed', days(-95)),
        email('cancelled', 'cancelled', days(-92)),
        // Still on their way, or held for the host to share its link: never, however old.
        email('queued', 'queued', days(-300)),
        email('sending', 'sending', days(-300)),
        email('held', 'held', days(-300)),
        // Within the retention, counted from when they finished.
        email('sent-recent', 'sent', days(-89)),
        email('failed-lately', 'failed', days(-100), days(-89)),
        email('cancelled-lately', 'cancelled', days(-300), days(-1)),
      ]);

    const runs = await sweepTimes(4, 2);
    expect(runs.map((run) => run.emails)).toEqual([2, 2, 1, 0]);
    expect(await recipientsLeft()).toEqual([
      'cancelled-lately',
      'failed-lately',
      'held',
      'queued',
      'sending',
      'sent-recent',
    ]);
  });

  it('follows the retention the host set', async () => {
    await db()
      .insert(outbox)
      .values([
        email('sent-40', 'sent', days(-40)),
        email('failed-31', 'failed', days(-31)),
        email('sent-29', 'sent', days(-29)),
        email('held-40', 'held', days(-40)),
      ]);
    expect((await sweepExpiredRows(db())).emails).toBe(0);

    await setEmailRetention(db(), { days: 30, actor: testSetupActor });
    expect((await sweepExpiredRows(db())).emails).toBe(2);
    expect(await recipientsLeft()).toEqual(['held-40', 'sent-29']);

    await setEmailRetention(db(), { days: 1, actor: testSetupActor });
    expect((await sweepExpiredRows(db())).emails).toBe(1);
    expect(await recipientsLeft()).toEqual(['held-40']);
  });

  it('leaves an email alone while another transaction holds it (a Resend, another sweep)', async () => {
    await db()
      .insert(outbox)
      .values([email('locked', 'failed', days(-100)), email('free', 'failed', days(-100))]);
    await db().transaction(async (tx) => {
      await tx.execute(
        sql`select id from outbox where recipient = 'locked@example.test' for update`,
      );
      // The sweep runs on another connection while this one holds the row.
      const result = await sweepExpiredRows(db());
      expect(result.emails).toBe(1);
    });
    expect(await recipientsLeft()).toEqual(['locked']);
  });
});

describe('dead links', () => {
  const link = (
    label: string,
    userId: string,
    expiresAt: Date,
    ended: { usedAt?: Date; replacedAt?: Date } = {},
  ) => ({
    tokenHash: label,
    userId,
    expiresAt,
    createdAt: new Date(expiresAt.getTime() - 3 * 86_400_000),
    ...ended,
  });
  const invitationsLeft = async () =>
    (await db().select({ tokenHash: invitations.tokenHash }).from(invitations))
      .map((row) => row.tokenHash)
      .sort();

  it('deletes invitations dead for over 30 days, but never a pending user’s open link', async () => {
    const waiting = await makeUser('waiting', 'pending');
    const fresh = await makeUser('fresh', 'pending');
    const joined = await makeUser('joined', 'active');
    const joinedLately = await makeUser('joined-lately', 'active');
    const stopped = await makeUser('stopped', 'deactivated');
    const regenerated = await makeUser('regenerated', 'pending');
    const waitingExpiry = days(-400);
    await db()
      .insert(invitations)
      .values([
        // The Users page shows this one as "Expired …": it stays, however old.
        link('waiting-open', waiting, waitingExpiry),
        link('waiting-replaced', waiting, days(-401), { replacedAt: days(-400) }),
        link('fresh-open', fresh, days(2)),
        link('joined-used', joined, days(-40), { usedAt: days(-42) }),
        link('joined-lately-used', joinedLately, days(-10), { usedAt: days(-12) }),
        // A deactivated user's open link: nobody is shown its expiry; it goes.
        link('stopped-open', stopped, days(-31)),
        // Replaced after it had expired: dead since it expired, 31 days ago.
        link('regenerated-expired', regenerated, days(-31), { replacedAt: days(-1) }),
        // Dead since it was replaced 30 days ago, but expired only 29 days ago: it stays.
        link('regenerated-replaced', regenerated, days(-29), { replacedAt: days(-30) }),
        link('regenerated-open', regenerated, days(1)),
      ]);

    const runs = await sweepTimes(3, 2);
    expect(runs.map((run) => run.invitations)).toEqual([2, 2, 0]);
    expect(await invitationsLeft()).toEqual([
      'fresh-open',
      'joined-lately-used',
      'regenerated-open',
      'regenerated-replaced',
      'waiting-open',
    ]);
    // What the Users pages read for pending users is all still there.
    const expiries = await openInvitationExpiries(db(), [waiting, fresh, regenerated]);
    expect(expiries.get(waiting)).toEqual(waitingExpiry);
    expect(expiries.size).toBe(3);
  });

  it('deletes reset links dead for over 30 days, used, replaced or not', async () => {
    const user = await makeUser('resetting', 'active');
    await db()
      .insert(passwordResets)
      .values(
        [
          link('used-long-ago', user, days(-40), { usedAt: days(-40.5) }),
          link('replaced-long-ago', user, days(-31), { replacedAt: days(-31.5) }),
          link('expired-long-ago', user, days(-35)),
          link('expired-lately', user, days(-29)),
          link('used-lately', user, days(-2), { usedAt: days(-2.5) }),
          link('live', user, days(0.5)),
        ].map((row) => ({ ...row, kind: 'self_service' as const })),
      );

    const runs = await sweepTimes(3, 2);
    expect(runs.map((run) => run.resets)).toEqual([2, 1, 0]);
    const left = await db().select({ tokenHash: passwordResets.tokenHash }).from(passwordResets);
    expect(left.map((row) => row.tokenHash).sort()).toEqual([
      'expired-lately',
      'live',
      'used-lately',
    ]);
  });
});

describe('sweepExpiredRows', () => {
  it('sweeps every table when one of them fails, and logs the failure', async () => {
    const user = await makeUser('still-swept', 'active');
    await db()
      .insert(passwordResets)
      .values({ tokenHash: 'dead', userId: user, kind: 'admin', expiresAt: days(-40) });
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    await db().execute(sql`alter table outbox rename to outbox_away`);
    try {
      const result = await sweepExpiredRows(db());
      expect(result).toEqual({
        sessions: 0,
        throttle: 0,
        emails: null,
        invitations: 0,
        resets: 1,
        signInChallenges: 0,
        auditEvents: 0,
      });
    } finally {
      await db().execute(sql`alter table outbox_away rename to outbox`);
    }
    expect(logged).toHaveBeenCalledOnce();
    expect(String(logged.mock.calls[0]![0])).toMatch(/^Deleting emails past/);
  });

  it('finds each table’s candidates through an index, never by reading the whole table', async () => {
    const plan = (statement: SQLWrapper) =>
      db().transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return JSON.stringify(await tx.execute(sql`explain ${statement}`));
      });
    const options = { before: days(-30), limit: 500 };
    expect(await plan(oldEmails(db(), options))).toContain('outbox_status_log_order');
    expect(await plan(deadInvitations(db(), options))).toContain('invitations_expires_at');
    expect(await plan(deadResets(db(), options))).toContain('password_resets_expires_at');
  });
});
