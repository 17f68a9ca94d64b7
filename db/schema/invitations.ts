import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Single-use links that let a pending user set a password. Only the token's hash is kept.
 * A regenerated link marks the older ones replaced; accepting marks the link used.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the link's token (lib/crypto/tokens.ts). */
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    usedAt: timestamp({ withTimezone: true }),
    replacedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('invitations_user_id_idx').on(table.userId),
    // The sweep deletes links long past their expiry without reading the live ones.
    index('invitations_expires_at').on(table.expiresAt),
  ],
);
