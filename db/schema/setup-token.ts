import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The one-time link that creates the first host admin; only its SHA-256 is kept. */
export const setupToken = pgTable(
  'setup_token',
  {
    id: integer().primaryKey().default(1),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('setup_token_single_row', sql`${table.id} = 1`)],
);
