import { auditEvents } from '@/db/schema';
import { parseTimeKey, timeKey } from '@/lib/database/time-key';

/** Where an event stands in the audit log: its time to the microsecond, then its id. */
export const eventKey = timeKey(auditEvents.occurredAt, auditEvents.id);

// An identity column: a positive bigint. 18 digits at most, so no key overflows the type (an
// error, where a made-up key must open the first page).
const idPattern = /^[1-9]\d{0,17}$/;

/** The parts of an event key from the address, or null for anything `eventKey` cannot write. */
export function parseEventKey(text: string): { at: string; id: string } | null {
  return parseTimeKey(text, idPattern);
}
