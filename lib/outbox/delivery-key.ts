import { sql } from 'drizzle-orm';
import { outbox } from '@/db/schema';

/**
 * Where an email stands in the delivery log, as one string for the address: its created_at to
 * the microsecond, in UTC, then its id (many emails share an instant, so the time alone would
 * skip or repeat rows at a page's edge). Written by PostgreSQL: a JS Date keeps milliseconds
 * only, and a key rounded to them would skip every row of the same millisecond.
 */
export const deliveryKey = sql<string>`to_char(${outbox.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || ${outbox.id}`;

const keyPattern =
  /^([1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The parts of a key from the address, or null for anything `deliveryKey` cannot have written:
 * PostgreSQL would refuse a 30 February or a malformed id with an error, not an empty page.
 */
export function parseDeliveryKey(text: string): { createdAt: string; id: string } | null {
  const match = keyPattern.exec(text);
  if (!match) return null;
  const createdAt = match[1]!;
  const id = match[2]!;
  const date = new Date(createdAt);
  // Date rolls 30 February over into March, and 24:00 into the next day: compare back.
  if (Number.isNaN(date.getTime())) return null;
  if (date.toISOString().slice(0, 23) !== createdAt.slice(0, 23)) return null;
  return { createdAt, id };
}
