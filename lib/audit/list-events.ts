import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { auditEvents } from '@/db/schema';
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
import type { AuditActorKind } from './audit-actor';
import { eventKey, parseEventKey } from './event-key';
import type { AuditEventType } from './event-types';
import type { AuditDetails, AuditTargetKind } from './record-event';

export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  type: AuditEventType;
  actor: {
    kind: AuditActorKind;
    email: string | null;
    role: string | null;
    clientAddress: string | null;
    userAgent: string | null;
  };
  target: { kind: AuditTargetKind; id: string | null; label: string | null };
  details: AuditDetails;
}

/** What the audit log asks for: filters, and a position in the log, newest first. */
export interface AuditListQuery {
  /** Part of an email or name the event holds (the actor's, the target's), any case. */
  text: string;
  actorKind: AuditActorKind | null;
  targetKind: AuditTargetKind | null;
  type: AuditEventType | null;
  /** UTC days, both included (YYYY-MM-DD, checked); null for no bound. */
  from: string | null;
  to: string | null;
  /** Only this account's events (its Activity); null for the whole host's log. */
  accountId: string | null;
  position: PagePosition;
  size: PageSize;
}

export interface AuditPage extends KeysetPage<AuditEventRow> {
  total: number;
  totalIsAtLeast: boolean;
}

/** The free-text column the trigram index covers: the same expression, or the index is unused. */
const searchedText = sql`lower(coalesce(${auditEvents.actorEmail}, '') || ' ' || coalesce(${auditEvents.targetLabel}, ''))`;

/** The rows a query's filters match, before paging. */
function matchingEvents(query: Omit<AuditListQuery, 'position' | 'size'>): SQL | undefined {
  return and(
    query.accountId ? eq(auditEvents.accountId, query.accountId) : undefined,
    query.text ? sql`${searchedText} like ${containsPattern(query.text)}` : undefined,
    query.actorKind ? eq(auditEvents.actorKind, query.actorKind) : undefined,
    query.targetKind ? eq(auditEvents.targetKind, query.targetKind) : undefined,
    query.type ? eq(auditEvents.eventType, query.type) : undefined,
    withinDays(auditEvents.occurredAt, query.from, query.to),
  );
}

/** Rows past the position, as one range of the log-order indexes however deep the page. */
function beyond(position: PagePosition): SQL | undefined {
  const columns = { at: auditEvents.occurredAt, id: auditEvents.id };
  return beyondTimeKey(columns, position, parseEventKey, 'bigint');
}

/** The columns a row shows; never more (the log holds nothing secret, but nothing needless either). */
const auditEventColumns = {
  id: sql<string>`${auditEvents.id}::text`,
  occurredAt: auditEvents.occurredAt,
  type: auditEvents.eventType,
  actorKind: auditEvents.actorKind,
  actorEmail: auditEvents.actorEmail,
  actorRole: auditEvents.actorRole,
  clientAddress: auditEvents.clientAddress,
  userAgent: auditEvents.userAgent,
  targetKind: auditEvents.targetKind,
  targetId: auditEvents.targetId,
  targetLabel: auditEvents.targetLabel,
  details: auditEvents.details,
};

type SelectedEvent = { [Column in keyof typeof auditEventColumns]: unknown };

function toAuditEventRow(row: SelectedEvent): AuditEventRow {
  return {
    id: row.id as string,
    occurredAt: row.occurredAt as Date,
    type: row.type as AuditEventType,
    actor: {
      kind: row.actorKind as AuditActorKind,
      email: row.actorEmail as string | null,
      role: row.actorRole as string | null,
      clientAddress: row.clientAddress as string | null,
      userAgent: row.userAgent as string | null,
    },
    target: {
      kind: row.targetKind as AuditTargetKind,
      id: row.targetId as string | null,
      label: row.targetLabel as string | null,
    },
    details: (row.details ?? {}) as AuditDetails,
  };
}

/** The two statements behind a page, apart so a test can EXPLAIN exactly these. */
export function auditPageQueries(db: Database, query: AuditListQuery) {
  const where = matchingEvents(query);
  const direction = readsBackwards(query.position) ? asc : desc;
  return {
    page: db
      .select({ ...auditEventColumns, key: eventKey })
      .from(auditEvents)
      .where(and(where, beyond(query.position)))
      .orderBy(direction(auditEvents.occurredAt), direction(auditEvents.id))
      .limit(query.size + 1),
    total: db.select({ total: sql<number>`count(*)::int` }).from(
      db
        .select({ one: sql`1` })
        .from(auditEvents)
        .where(where)
        .limit(totalLimit + 1)
        .as('m'),
    ),
  };
}

/**
 * One page of the audit log, newest first, paged by position (never OFFSET): the last page of a
 * million events costs what the first does.
 */
export async function listAuditEvents(db: Database, query: AuditListQuery): Promise<AuditPage> {
  const queries = auditPageQueries(db, query);
  const [found, [counted]] = await Promise.all([queries.page, queries.total]);
  const page = keysetPage(found, query.size, query.position, (row) => row.key);
  return {
    ...page,
    rows: page.rows.map(({ key: _key, ...row }) => toAuditEventRow(row)),
    ...shownTotal(counted?.total ?? 0),
  };
}

/** Events an export reads per statement: few enough to hold, many enough to stream fast. */
const exportBatchSize = 1_000;

/**
 * Every event the filters match, newest first, in batches read by position like the pages: an
 * export of any size holds one batch at a time, and each statement is an index range read.
 */
export async function* auditEventBatches(
  db: Database,
  filters: Omit<AuditListQuery, 'position' | 'size'>,
  batchSize = exportBatchSize,
): AsyncGenerator<AuditEventRow[]> {
  const where = matchingEvents(filters);
  let position: PagePosition = null;
  for (;;) {
    const found = await db
      .select({ ...auditEventColumns, key: eventKey })
      .from(auditEvents)
      .where(and(where, beyond(position)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(batchSize);
    if (found.length === 0) return;
    yield found.map(({ key: _key, ...row }) => toAuditEventRow(row));
    if (found.length < batchSize) return;
    position = { after: found.at(-1)!.key };
  }
}
