import { auditActorKinds, type AuditActorKind } from '@/lib/audit/audit-actor';
import { parseEventKey } from '@/lib/audit/event-key';
import { isAuditEventType } from '@/lib/audit/event-types';
import type { AuditListQuery } from '@/lib/audit/list-events';
import { auditTargetKinds, type AuditTargetKind } from '@/lib/audit/record-event';
import { defaultPageSize, pageSizeParam, type PagePosition } from '@/lib/database/keyset-page';
import { dayParam, searchParam } from '@/lib/http/search-param';

/** The audit log's address: its filters and its position, so Back and reload keep them. */
export type AuditListParams = Record<
  'q' | 'actor' | 'target' | 'type' | 'from' | 'to' | 'size' | 'after' | 'before',
  string | string[] | undefined
>;

const actorKinds: readonly string[] = auditActorKinds;
const targetKinds: readonly string[] = auditTargetKinds;

/** A position written by the log itself, or nothing: a made-up one opens the first page. */
function keyParam(value: string | string[] | undefined): string {
  const text = searchParam(value, 100);
  return parseEventKey(text) ? text : '';
}

/** Anything in the address the page cannot use is left out, never an error. */
export function auditListQuery(params: AuditListParams, accountId: string | null): AuditListQuery {
  const actor = searchParam(params.actor);
  const target = searchParam(params.target);
  const type = searchParam(params.type);
  const after = keyParam(params.after);
  const before = keyParam(params.before);
  return {
    text: searchParam(params.q),
    actorKind: actorKinds.includes(actor) ? (actor as AuditActorKind) : null,
    targetKind: targetKinds.includes(target) ? (target as AuditTargetKind) : null,
    type: isAuditEventType(type) ? type : null,
    from: dayParam(params.from),
    to: dayParam(params.to),
    accountId,
    position: after ? { after } : before ? { before } : null,
    size: pageSizeParam(searchParam(params.size)),
  };
}

/** The address of the same log (same filters) at another position, under `path`. */
export function auditListHref(query: AuditListQuery, position: PagePosition, path: string): string {
  const params = new URLSearchParams();
  if (query.text) params.set('q', query.text);
  if (query.actorKind) params.set('actor', query.actorKind);
  if (query.targetKind) params.set('target', query.targetKind);
  if (query.type) params.set('type', query.type);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.size !== defaultPageSize) params.set('size', String(query.size));
  if (position && 'after' in position) params.set('after', position.after);
  if (position && 'before' in position) params.set('before', position.before);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
