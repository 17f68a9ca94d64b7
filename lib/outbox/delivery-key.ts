import { outbox } from '@/db/schema';
import { parseTimeKey, timeKey } from '@/lib/database/time-key';

/** Where an email stands in the delivery log: its created_at to the microsecond, then its id. */
export const deliveryKey = timeKey(outbox.createdAt, outbox.id);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The parts of a delivery key from the address, or null for anything `deliveryKey` cannot write. */
export function parseDeliveryKey(text: string): { at: string; id: string } | null {
  return parseTimeKey(text, uuidPattern);
}
