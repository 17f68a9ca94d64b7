import { sql, type SQLWrapper } from 'drizzle-orm';

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
