import { and, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PagePosition } from './keyset-page';

/**
 * Where a row stands in a log ordered by (time, id), as one string for the address: the time to
 * the microsecond, in UTC, then the id (many rows share an instant, so the time alone would skip
 * or repeat rows at a page's edge). Written by PostgreSQL: a JS Date keeps milliseconds only,
 * and a key rounded to them would skip every row of the same millisecond.
 */
export function timeKey(at: SQLWrapper, id: SQLWrapper) {
  return sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || ${id}`;
}

const timePattern = /^([1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_(.+)$/;

/**
 * The parts of a key from the address, or null for anything `timeKey` cannot have written (its
 * id must match `idPattern`): PostgreSQL would refuse a 30 February or a malformed id with an
 * error, not an empty page.
 */
export function parseTimeKey(text: string, idPattern: RegExp): { at: string; id: string } | null {
  const match = timePattern.exec(text);
  if (!match) return null;
  const at = match[1]!;
  const id = match[2]!;
  if (!idPattern.test(id)) return null;
  const date = new Date(at);
  // Date rolls 30 February over into March, and 24:00 into the next day: compare back.
  if (Number.isNaN(date.getTime())) return null;
  if (date.toISOString().slice(0, 23) !== at.slice(0, 23)) return null;
  return { at, id };
}

/**
 * Rows on the far side of a page's position in a log ordered newest first by (time, id): older
 * going forward, newer coming back. A row comparison, so that (time, id) is one range of the
 * log-order index however deep the page; a key `parse` refuses reads from the top.
 */
export function beyondTimeKey(
  columns: { at: SQLWrapper; id: SQLWrapper },
  position: PagePosition,
  parse: (text: string) => { at: string; id: string } | null,
  idType: 'uuid' | 'bigint',
): SQL | undefined {
  if (position === null) return undefined;
  const key = parse('after' in position ? position.after : position.before);
  if (!key) return undefined;
  const at = sql`(${key.at}::timestamptz, ${key.id}::${sql.raw(idType)})`;
  return 'after' in position
    ? sql`(${columns.at}, ${columns.id}) < ${at}`
    : sql`(${columns.at}, ${columns.id}) > ${at}`;
}

/** Rows from the first UTC day's midnight to the midnight after the last (YYYY-MM-DD, checked). */
export function withinDays(
  at: SQLWrapper,
  from: string | null,
  to: string | null,
): SQL | undefined {
  return and(
    from ? sql`${at} >= (${from}::date::timestamp at time zone 'UTC')` : undefined,
    to ? sql`${at} < ((${to}::date + 1)::timestamp at time zone 'UTC')` : undefined,
  );
}
