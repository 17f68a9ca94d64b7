import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** Who asked: the user on "Forgot password" (lives 1 hour) or an admin (lives 24 hours). */
export const passwordResetKindEnum = pgEnum('password_reset_kind', ['self_service', 'admin']);

/**
 * Single-use links that let an active user set a new password. Only the token's hash is kept.
 * A newer link marks the older ones replaced; a reset marks its link used.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the link's token (lib/crypto/tokens.ts). */
    tokenHash: text().notNull().unique(),
    kind: passwordResetKindEnum().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    usedAt: timestamp({ withTimezone: true }),
    replacedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('password_resets_user_id_idx').on(table.userId),
    // The sweep deletes links long past their expiry without reading the live ones.
    index('password_resets_expires_at').on(table.expiresAt),
  ],
);
