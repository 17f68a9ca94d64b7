import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox } from '@/db/schema';
import { emailAlertAfterSetting } from '@/lib/env';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import type { SmtpDiagnosis } from '@/lib/smtp/smtp-diagnosis';

/**
 * How long email may fail, or wait, before every host admin's page says so: 15 minutes, or
 * EMAIL_ALERT_AFTER_SECONDS (a whole number of seconds, at least 1; anything else is ignored).
 */
function failingAfterMs(): number {
  const setting = emailAlertAfterSetting();
  const seconds = setting && /^\d{1,7}$/.test(setting) ? Number(setting) : 0;
  return seconds >= 1 ? seconds * 1000 : 15 * 60_000;
}
/** The dashboard's window. */
const windowMs = 24 * 3_600_000;
/** Counting further costs as much as listing: beyond it the card says "more than". */
export const healthCountLimit = 10_000;

const waitingStatuses = ['queued', 'sending'] as const;

/**
 * Whether email has been failing for 15 minutes while SMTP is on: an email has waited that long
 * (temporary failures are retried, so an outage keeps emails waiting), or every email finished
 * since the last one sent has failed for that long (a wrong password fails each at once). A
 * refused recipient is one address's problem, not the service's: it does not count.
 */
export interface EmailFailing {
  since: Date;
  reason: 'waiting' | 'failing';
}

async function oldestCreatedAt(db: Database, where: SQL | undefined): Promise<Date | null> {
  const [row] = await db
    .select({ at: outbox.createdAt })
    .from(outbox)
    .where(where)
    .orderBy(asc(outbox.createdAt))
    .limit(1);
  return row?.at ?? null;
}

/** The oldest email still waiting to be sent (queued or being sent), through the status index. */
async function oldestWaiting(db: Database): Promise<Date | null> {
  const oldest = await Promise.all(
    waitingStatuses.map((status) => oldestCreatedAt(db, eq(outbox.status, status))),
  );
  const times = oldest.filter((at): at is Date => at !== null).map((at) => at.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

/** When the newest sent email was queued: failures after it are all there has been since. */
async function lastSentCreatedAt(db: Database): Promise<Date | null> {
  const [row] = await db
    .select({ at: outbox.createdAt })
    .from(outbox)
    .where(eq(outbox.status, 'sent'))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return row?.at ?? null;
}

const notARecipientRefusal = sql`coalesce(${outbox.lastError}->>'step', '') <> 'recipient'`;

/** How long it has been failing, for the words: seconds, minutes, or whole hours past two. */
export function failingFor(
  failing: EmailFailing,
  now = new Date(),
): { count: number; unit: 'seconds' | 'minutes' | 'hours' } {
  const seconds = Math.max(0, Math.floor((now.getTime() - failing.since.getTime()) / 1000));
  if (seconds < 60) return { count: seconds, unit: 'seconds' };
  const minutes = Math.floor(seconds / 60);
  return minutes < 120
    ? { count: minutes, unit: 'minutes' }
    : { count: Math.floor(minutes / 60), unit: 'hours' };
}

export async function readEmailFailing(
  db: Database,
  now = new Date(),
): Promise<EmailFailing | null> {
  if (!(await isSmtpEnabled(db))) return null;
  const limit = now.getTime() - failingAfterMs();
  const waitingSince = await oldestWaiting(db);
  if (waitingSince && waitingSince.getTime() <= limit) {
    return { since: waitingSince, reason: 'waiting' };
  }
  const lastSent = await lastSentCreatedAt(db);
  const failingSince = await oldestCreatedAt(
    db,
    and(
      eq(outbox.status, 'failed'),
      lastSent ? gt(outbox.createdAt, lastSent) : undefined,
      notARecipientRefusal,
    ),
  );
  if (failingSince && failingSince.getTime() <= limit) {
    return { since: failingSince, reason: 'failing' };
  }
  return null;
}

export interface EmailHealth {
  /** Emails queued in the last 24 hours, by where they stand now (capped at the limit). */
  lastDay: { sent: number; failed: number; held: number };
  waiting: number;
  oldestWaitingSince: Date | null;
  lastFailure: { at: Date; recipient: string; diagnosis: SmtpDiagnosis | null } | null;
}

async function cappedCount(db: Database, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(
    db
      .select({ one: sql`1` })
      .from(outbox)
      .where(where)
      .limit(healthCountLimit + 1)
      .as('counted'),
  );
  return row?.count ?? 0;
}

/** The newest email that failed for good, or is being retried after a failure. */
async function lastFailure(db: Database): Promise<EmailHealth['lastFailure']> {
  const newest = await Promise.all(
    (['failed', 'queued'] as const).map(async (status) => {
      const [row] = await db
        .select({
          at: outbox.updatedAt,
          recipient: outbox.recipient,
          diagnosis: outbox.lastError,
        })
        .from(outbox)
        .where(and(eq(outbox.status, status), sql`${outbox.lastError} is not null`))
        .orderBy(desc(outbox.createdAt))
        .limit(1);
      return row ?? null;
    }),
  );
  const [latest] = newest
    .filter((row) => row !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return latest ? { ...latest, diagnosis: latest.diagnosis as SmtpDiagnosis | null } : null;
}

/**
 * Email at a glance for the dashboard: the last day's emails by outcome, what waits and since
 * when, and the last failure in the words of its diagnosis (`readEmailFailing` says whether
 * email is failing now, for the banner over every page). Each
 * figure is an index range (status, time); the counts stop at `healthCountLimit`.
 */
export async function readEmailHealth(db: Database, now = new Date()): Promise<EmailHealth> {
  const dayStart = new Date(now.getTime() - windowMs);
  const lastDayOf = (status: 'sent' | 'failed' | 'held') =>
    cappedCount(db, and(eq(outbox.status, status), gte(outbox.createdAt, dayStart)));
  const [sent, failed, held, waiting, oldestWaitingSince, failure] = await Promise.all([
    lastDayOf('sent'),
    lastDayOf('failed'),
    lastDayOf('held'),
    cappedCount(db, inArray(outbox.status, [...waitingStatuses])),
    oldestWaiting(db),
    lastFailure(db),
  ]);
  return {
    lastDay: { sent, failed, held },
    waiting,
    oldestWaitingSince,
    lastFailure: failure,
  };
}
