import { auditActorKindEnum } from '@/db/schema';

/** Longest user agent kept: beyond it a header is noise (or an attack on the log's size). */
const userAgentLimit = 512;

/**
 * Who did what an event records, with where from. A signed-in user acts with the role they held
 * then; a visitor (not signed in: a failed sign-in, a forgotten password, an accepted invitation)
 * may name no one yet; the instance's own sweeps and the command line have no client.
 */
export type AuditActor =
  | {
      kind: 'user';
      userId: string;
      email: string;
      /** `host:admin`, `account:admin`, … as when acting; null with neither. */
      role: string | null;
      clientAddress: string | null;
      userAgent: string | null;
    }
  | {
      kind: 'visitor';
      clientAddress: string | null;
      userAgent: string | null;
    }
  | { kind: 'system' }
  | { kind: 'command_line' };

/** A signed-in user acting: what every action but the public ones has. */
export type UserActor = Extract<AuditActor, { kind: 'user' }>;

export const auditActorKinds = auditActorKindEnum.enumValues;
export type AuditActorKind = (typeof auditActorKinds)[number];

/** A user agent as stored: trimmed to `userAgentLimit`, or null when there is none. */
export function storedUserAgent(header: string | null | undefined): string | null {
  const agent = header?.trim();
  return agent ? agent.slice(0, userAgentLimit) : null;
}
