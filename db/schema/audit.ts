import {
  bigint,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Who acted: a signed-in user, a visitor not signed in (a failed sign-in, a forgotten password),
 * the instance itself (sweeps, the outbox), or the command line.
 */
export const auditActorKindEnum = pgEnum('audit_actor_kind', [
  'user',
  'visitor',
  'system',
  'command_line',
]);

/** What an event is about. */
export const auditTargetKindEnum = pgEnum('audit_target_kind', ['user', 'account', 'smtp', 'host']);

/**
 * The audit log: one row per change or sign-in, written in the same transaction as the change.
 * Nothing updates or deletes a row except the retention sweep. No foreign keys: an event outlives
 * the user or account it names, so it keeps their email or name as they were (`*_label`).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** lib/audit/event-types.ts */
    eventType: text().notNull(),
    actorKind: auditActorKindEnum().notNull(),
    actorUserId: uuid(),
    actorEmail: text(),
    /** The actor's role when acting: `host:admin`, `account:admin`, … (null: none, or not a user). */
    actorRole: text(),
    clientAddress: text(),
    userAgent: text(),
    targetKind: auditTargetKindEnum().notNull(),
    targetId: text(),
    /** The target's email or name at the time. */
    targetLabel: text(),
    /** The account the event belongs to, for that account's Activity; null for host-wide ones. */
    accountId: uuid(),
    /** What changed, by event type; never a secret (a changed one says only that it changed). */
    details: jsonb().notNull().default({}),
  },
  (table) => [
    // Newest first, paged by (occurred_at, id): all events, one account's, one type's.
    index('audit_events_log_order').on(table.occurredAt, table.id),
    index('audit_events_account_log_order')
      .on(table.accountId, table.occurredAt, table.id)
      .where(sql`${table.accountId} is not null`),
    index('audit_events_type_log_order').on(table.eventType, table.occurredAt, table.id),
    index('audit_events_target_log_order').on(table.targetKind, table.occurredAt, table.id),
    index('audit_events_actor_log_order').on(table.actorKind, table.occurredAt, table.id),
    // Free text on the emails and names an event holds (pg_trgm, as for accounts and users).
    index('audit_events_search').using(
      'gin',
      sql`lower(coalesce(${table.actorEmail}, '') || ' ' || coalesce(${table.targetLabel}, '')) gin_trgm_ops`,
    ),
    check('audit_events_user_agent_length', sql`length(${table.userAgent}) <= 512`),
  ],
);
