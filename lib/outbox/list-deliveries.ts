import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox } from '@/db/schema';
import { containsPattern } from '@/lib/database/contains-pattern';
import { beyondTimeKey, withinDays } from '@/lib/database/time-key';
import {
  keysetPage,
  readsBackwards,
  shownTotal,
  totalLimit,
  type KeysetPage,
  type PagePosition,
  type PageSize,
} from '@/lib/database/keyset-page';
import type { SmtpDiagnosis } from '@/lib/smtp/smtp-diagnosis';
import { deliveryKey, parseDeliveryKey } from './delivery-key';
import { accessLinksIn } from './email-links';
import type { EmailKind } from './email-kinds';
import { openPayload } from './outbox-payload';
import { rootMessage } from '@/lib/errors/root-cause';
import { log } from '@/lib/log/logger';

export const deliveryStatuses = [
  'queued',
  'sending',
  'sent',
  'failed',
  'held',
  'cancelled',
] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface DeliveryRow {
  id: string;
  recipient: string;
  kind: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: SmtpDiagnosis | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
  /** Whether Resend applies: a failed or held email whose content is still kept. */
  resendable: boolean;
  /**
   * A held email's invitation or reset links, for the host admin to share by hand (it was not
   * emailed); empty for every other email.
   */
  heldLinks: string[];
}

/** What the delivery log asks for: filters, and a position in the log, newest first. */
export interface DeliveryListQuery {
  /** Part of the recipient's address, any case; empty for all. */
  recipient: string;
  kind: EmailKind | null;
  status: DeliveryStatus | null;
  /**
   * The first and the last day queued, both included, as UTC days (YYYY-MM-DD, checked: a day
   * the calendar has); null for no bound.
   */
  from: string | null;
  to: string | null;
  /** The page after this key (`deliveryKey`: created_at and id), or the page before it. */
  position: PagePosition;
  size: PageSize;
}

export interface DeliveryPage extends KeysetPage<DeliveryRow> {
  /** How many emails match, counted up to `totalLimit`. */
  total: number;
  totalIsAtLeast: boolean;
}

function matching(query: DeliveryListQuery): SQL | undefined {
  return and(
    query.recipient
      ? sql`lower(${outbox.recipient}) like ${containsPattern(query.recipient)}`
      : undefined,
    query.kind ? eq(outbox.kind, query.kind) : undefined,
    query.status ? eq(outbox.status, query.status) : undefined,
    withinDays(outbox.createdAt, query.from, query.to),
  );
}

/** Rows on the far side of the position (a key that does not parse reads from the top). */
function beyond(position: PagePosition): SQL | undefined {
  const columns = { at: outbox.createdAt, id: outbox.id };
  return beyondTimeKey(columns, position, parseDeliveryKey, 'uuid');
}

/**
 * The two statements behind a page: its rows (one more than the page, to know whether another
 * follows) and the total up to `totalLimit`. Apart so a test can EXPLAIN exactly these.
 */
export function deliveryPageQueries(db: Database, query: DeliveryListQuery) {
  const where = matching(query);
  const direction = readsBackwards(query.position) ? asc : desc;
  return {
    page: db
      .select({
        id: outbox.id,
        recipient: outbox.recipient,
        kind: outbox.kind,
        status: outbox.status,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
        createdAt: outbox.createdAt,
        updatedAt: outbox.updatedAt,
        sentAt: outbox.sentAt,
        nextAttemptAt: outbox.nextAttemptAt,
        payload: outbox.payloadEncrypted,
        key: deliveryKey,
      })
      .from(outbox)
      .where(and(where, beyond(query.position)))
      .orderBy(direction(outbox.createdAt), direction(outbox.id))
      .limit(query.size + 1),
    total: db.select({ total: sql<number>`count(*)::int` }).from(
      db
        .select({ one: sql`1` })
        .from(outbox)
        .where(where)
        .limit(totalLimit + 1)
        .as('m'),
    ),
  };
}

/**
 * One page of the delivery log, newest first, paged by position (never OFFSET) so the last
 * page of a million emails costs what the first does. Never the content (it holds live links),
 * except the links of held emails: nobody else will get those.
 */
export async function listDeliveries(
  db: Database,
  query: DeliveryListQuery,
): Promise<DeliveryPage> {
  const queries = deliveryPageQueries(db, query);
  const [found, [counted]] = await Promise.all([queries.page, queries.total]);
  const page = keysetPage(found, query.size, query.position, (row) => row.key);
  return {
    ...page,
    rows: page.rows.map(({ payload, key: _key, ...row }) => ({
      ...row,
      lastError: (row.lastError as SmtpDiagnosis | null) ?? null,
      resendable: (row.status === 'failed' || row.status === 'held') && payload !== null,
      heldLinks: row.status === 'held' && payload ? heldLinksIn(payload) : [],
    })),
    ...shownTotal(counted?.total ?? 0),
  };
}

function heldLinksIn(sealed: string): string[] {
  try {
    return accessLinksIn(openPayload(sealed).text);
  } catch (error) {
    // Unreadable (APP_SECRET changed since): the row still shows as held, without its link.
    log.error(`A held email could not be decrypted for the delivery log: ${rootMessage(error)}`);
    return [];
  }
}
