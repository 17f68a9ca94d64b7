import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** Where a page of a keyset-paged list starts: after one sort key, or before one, or at the top. */
export type PagePosition = { after: string } | { before: string } | null;

export const pageSizes = [25, 50, 100] as const;
export type PageSize = (typeof pageSizes)[number];
export const defaultPageSize: PageSize = 50;

/** Counting further would cost as much as listing: beyond it a page says "more than". */
export const totalLimit = 10_000;

export interface KeysetPage<Row> {
  rows: Row[];
  /** Where the next and previous pages start; null at either end. */
  next: { after: string } | null;
  previous: { before: string } | null;
}

/**
 * The rows past a position in a list ordered by one unique key (a name, an address): after it
 * going forward, before it coming back; every row at the top.
 */
export function beyondPosition(key: SQLWrapper, position: PagePosition): SQL | undefined {
  if (position === null) return undefined;
  return 'after' in position ? sql`${key} > ${position.after}` : sql`${key} < ${position.before}`;
}

/** Whether a page reads the list backwards (a "previous" link), so it orders descending. */
export function readsBackwards(position: PagePosition): boolean {
  return position !== null && 'before' in position;
}

/**
 * A page from what its query found: the query asked for one row more than `size` in the
 * direction it read, so an extra row means another page lies that way. Coming back (before),
 * there is always the page we came from; going forward, a previous page unless at the top.
 */
export function keysetPage<Row>(
  found: Row[],
  size: number,
  position: PagePosition,
  keyOf: (row: Row) => string,
): KeysetPage<Row> {
  const backwards = readsBackwards(position);
  const beyond = found.length > size;
  const rows = found.slice(0, size);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    next: last && (backwards ? true : beyond) ? { after: keyOf(last) } : null,
    previous: first && (backwards ? beyond : position !== null) ? { before: keyOf(first) } : null,
  };
}

/** The total a page shows: exact up to `limit`, beyond it "more than". */
export function shownTotal(
  counted: number,
  limit = totalLimit,
): { total: number; totalIsAtLeast: boolean } {
  return { total: Math.min(counted, limit), totalIsAtLeast: counted > limit };
}

/** A page size from the address; anything else is the default. */
export function pageSizeParam(value: string): PageSize {
  const size = Number(value);
  return pageSizes.includes(size as PageSize) ? (size as PageSize) : defaultPageSize;
}
