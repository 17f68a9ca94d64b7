import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Attempt counters for rate limits (failed sign-ins per email and per client, test emails per
 * admin…), in the database so every app instance sees the same counts. `key` names what is
 * counted, e.g. `sign-in:email:<address>` or `smtp-test:<user id>`.
 */
export const throttle = pgTable('throttle', {
  key: text().primaryKey(),
  attempts: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp({ withTimezone: true }),
});
