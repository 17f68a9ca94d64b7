import 'server-only';
import type { Database } from '@/db/database';
import { auditEvents, auditTargetKindEnum } from '@/db/schema';
import type { AuditActor } from './audit-actor';
import type { AuditEventType } from './event-types';

export const auditTargetKinds = auditTargetKindEnum.enumValues;
export type AuditTargetKind = (typeof auditTargetKinds)[number];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type AuditDetails = { [key: string]: Json };

export interface AuditEvent {
  type: AuditEventType;
  target: { kind: AuditTargetKind; id?: string | null; label?: string | null };
  /** The account the event belongs to, so its admins see it under Activity. */
  accountId?: string | null;
  details?: AuditDetails;
}

/**
 * Writes one event. Call it with the transaction of the change it records: the change and its
 * event commit together or not at all.
 */
export async function recordEvent(
  tx: Database,
  actor: AuditActor,
  event: AuditEvent,
): Promise<void> {
  await tx.insert(auditEvents).values({
    eventType: event.type,
    actorKind: actor.kind,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorEmail: actor.kind === 'user' ? actor.email : null,
    actorRole: actor.kind === 'user' ? actor.role : null,
    clientAddress: 'clientAddress' in actor ? actor.clientAddress : null,
    userAgent: 'userAgent' in actor ? actor.userAgent : null,
    targetKind: event.target.kind,
    targetId: event.target.id ?? null,
    targetLabel: event.target.label ?? null,
    accountId: event.accountId ?? null,
    details: event.details ?? {},
  });
}
