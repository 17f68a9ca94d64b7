import { defaultPageSize, pageSizeParam, type PagePosition } from '@/lib/database/keyset-page';
import { dayParam, searchParam } from '@/lib/http/search-param';
import { parseDeliveryKey } from '@/lib/outbox/delivery-key';
import { emailKinds, type EmailKind } from '@/lib/outbox/email-kinds';
import {
  deliveryStatuses,
  type DeliveryListQuery,
  type DeliveryStatus,
} from '@/lib/outbox/list-deliveries';

/** The delivery log's address: its filters and its position, so Back and reload keep them. */
export type DeliveryListParams = Record<
  'q' | 'kind' | 'status' | 'from' | 'to' | 'size' | 'after' | 'before',
  string | string[] | undefined
>;

const kinds: readonly string[] = emailKinds;
const statuses: readonly string[] = deliveryStatuses;

/** A position written by the log itself, or nothing: a made-up one opens the first page. */
function keyParam(value: string | string[] | undefined): string {
  const text = searchParam(value, 100);
  return parseDeliveryKey(text) ? text : '';
}

/** Anything in the address the page cannot use is left out, never an error. */
export function deliveryListQuery(params: DeliveryListParams): DeliveryListQuery {
  const kind = searchParam(params.kind);
  const status = searchParam(params.status);
  const after = keyParam(params.after);
  const before = keyParam(params.before);
  return {
    recipient: searchParam(params.q),
    kind: kinds.includes(kind) ? (kind as EmailKind) : null,
    status: statuses.includes(status) ? (status as DeliveryStatus) : null,
    from: dayParam(params.from),
    to: dayParam(params.to),
    position: after ? { after } : before ? { before } : null,
    size: pageSizeParam(searchParam(params.size)),
  };
}

/** Whether the log is narrowed by a filter (a page of it is not). */
export function deliveryListFiltered(query: DeliveryListQuery): boolean {
  return Boolean(query.recipient || query.kind || query.status || query.from || query.to);
}

/** The address of the same log (same filters) at another position. */
export function deliveryListHref(query: DeliveryListQuery, position: PagePosition): string {
  const params = new URLSearchParams();
  if (query.recipient) params.set('q', query.recipient);
  if (query.kind) params.set('kind', query.kind);
  if (query.status) params.set('status', query.status);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.size !== defaultPageSize) params.set('size', String(query.size));
  if (position && 'after' in position) params.set('after', position.after);
  if (position && 'before' in position) params.set('before', position.before);
  const text = params.toString();
  return text ? `/settings/delivery?${text}` : '/settings/delivery';
}
