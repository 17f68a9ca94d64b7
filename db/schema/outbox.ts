import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { languageEnum, users } from './users';

export const outboxStatusEnum = pgEnum('outbox_status', [
  'queued',
  'sending',
  'sent',
  'failed',
  'held',
  'cancelled',
]);

/**
 * Every email the instance sends, written in the same transaction as the change that causes
 * it, so none is lost between the two. Senders claim rows with FOR UPDATE SKIP LOCKED and a
 * lease; a lease that runs out (a crashed sender) makes the row claimable again.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    recipient: text().notNull(),
    recipientUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Which template made it (invitation, password-reset…), for the delivery log. */
    kind: text().notNull(),
    language: languageEnum().notNull(),
    /** Subject, HTML and text, encrypted: they hold a live link. Erased once sent. */
    payloadEncrypted: text(),
    /** Emails with the same key replace each other: a regenerated link cancels the older email. */
    supersedeKey: text(),
    status: outboxStatusEnum().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp({ withTimezone: true }),
    /** The diagnosis of the last failure (lib/smtp/smtp-diagnosis.ts), shown in plain words. */
    lastError: jsonb(),
    messageId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('outbox_due_idx').on(table.status, table.nextAttemptAt),
    index('outbox_supersede_key_idx').on(table.supersedeKey),
    // The delivery log, newest first, paged by (created_at, id); per status and per kind too,
    // so a filter for the rare failed emails does not walk past a million sent ones.
    index('outbox_log_order').on(table.createdAt, table.id),
    index('outbox_status_log_order').on(table.status, table.createdAt, table.id),
    index('outbox_kind_log_order').on(table.kind, table.createdAt, table.id),
    // The delivery log's search finds a recipient by any part of the address.
    index('outbox_recipient_search').using('gin', sql`lower(${table.recipient}) gin_trgm_ops`),
  ],
);
