import 'server-only';
import type { Database } from '@/db/database';
import { deleteExpiredSessions } from '@/lib/auth/sessions';
import { deleteOldEvents } from '@/lib/audit/delete-old-events';
import { readAuditRetentionDays } from '@/lib/host/audit-retention';
import { readEmailRetentionDays } from '@/lib/host/read-email-retention';
import { deleteDeadInvitations } from '@/lib/invitations/delete-dead-invitations';
import { deleteOldEmails } from '@/lib/outbox/delete-old-emails';
import { deleteDeadResets } from '@/lib/resets/delete-dead-resets';
import { deleteExpiredAttempts } from '@/lib/throttle/throttle';
import { deleteExpiredChallenges } from '@/lib/two-factor/sign-in-challenge';
import { rootMessage } from '@/lib/errors/root-cause';
import { log } from '@/lib/log/logger';

/** Rows each table gives up per run: a backlog drains over several runs, never in one long lock. */
const defaultLimit = 500;

const dayMs = 86_400_000;

/**
 * How long a dead invitation or reset link is kept after its expiry: opening it meanwhile still
 * says whether it was used, replaced or expired. Longer than any link lives (30 days at most).
 */
const linkGraceDays = 30;

/** Rows deleted from each table in one run; null when that sweep failed (it was logged). */
export interface SweepResult {
  sessions: number | null;
  throttle: number | null;
  emails: number | null;
  invitations: number | null;
  resets: number | null;
  signInChallenges: number | null;
  auditEvents: number | null;
}

type Sweep = (db: Database, options: { limit: number }) => Promise<number>;

const sweeps: Record<keyof SweepResult, { what: string; run: Sweep }> = {
  sessions: { what: 'expired sessions', run: deleteExpiredSessions },
  throttle: { what: 'throttle counts that are over', run: deleteExpiredAttempts },
  emails: {
    what: 'emails past the delivery log’s retention',
    run: async (db, { limit }) => {
      const days = await readEmailRetentionDays(db);
      return deleteOldEmails(db, { before: new Date(Date.now() - days * dayMs), limit });
    },
  },
  invitations: {
    what: 'dead invitation links',
    run: (db, { limit }) =>
      deleteDeadInvitations(db, { before: new Date(Date.now() - linkGraceDays * dayMs), limit }),
  },
  resets: {
    what: 'dead password reset links',
    run: (db, { limit }) =>
      deleteDeadResets(db, { before: new Date(Date.now() - linkGraceDays * dayMs), limit }),
  },
  signInChallenges: {
    what: 'abandoned sign-ins (past the password, never finished)',
    run: deleteExpiredChallenges,
  },
  auditEvents: {
    what: 'audit events past the audit log’s retention',
    run: async (db, { limit }) => {
      const days = await readAuditRetentionDays(db);
      return deleteOldEvents(db, { before: new Date(Date.now() - days * dayMs), limit });
    },
  },
};

/**
 * Keeps the tables that grow with use from growing without end: sessions past either limit,
 * throttle counts whose window and block are over, finished emails past the host's retention,
 * invitation and reset links dead for a while, sign-ins abandoned after the password, and audit
 * events past the host's retention. At most `limit` rows of each per run, one
 * table after the other, each its own statement. Runs beside the outbox sweep and from
 * /api/cron/outbox, never inside a request. Never throws: a table whose sweep fails is logged
 * and left for the next run, and the others are swept all the same.
 */
export async function sweepExpiredRows(
  db: Database,
  { limit = defaultLimit }: { limit?: number } = {},
): Promise<SweepResult> {
  const result = {} as SweepResult;
  for (const table of Object.keys(sweeps) as (keyof SweepResult)[]) {
    const { what, run } = sweeps[table];
    result[table] = await runLogged(what, () => run(db, { limit }));
  }
  return result;
}

async function runLogged(what: string, sweep: () => Promise<number>): Promise<number | null> {
  try {
    return await sweep();
  } catch (error) {
    log.error(`Deleting ${what} failed: ${rootMessage(error)}`);
    return null;
  }
}
