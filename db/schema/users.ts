import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { roleEnum } from './roles';

export const userStatusEnum = pgEnum('user_status', ['pending', 'active', 'deactivated']);
export type UserStatus = (typeof userStatusEnum.enumValues)[number];
export const languageEnum = pgEnum('language', ['en', 'de']);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Unique per instance, always stored lower-case. */
    email: text().notNull().unique(),
    /** argon2id; null while the user is pending (invited, no password yet). */
    passwordHash: text(),
    status: userStatusEnum().notNull().default('pending'),
    language: languageEnum().notNull().default('en'),
    /** At most one host role; null for individual users (account roles only). */
    hostRole: roleEnum(),
    /** The account this user opened last: the header's account picker starts there. */
    lastAccountId: uuid().references((): AnyPgColumn => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('users_email_lower_case', sql`${table.email} = lower(${table.email})`),
    // The Users pages' search finds an address by any part of it (pg_trgm, migration 0008).
    index('users_email_search').using('gin', sql`${table.email} gin_trgm_ops`),
    check(
      'users_active_has_password',
      sql`${table.status} <> 'active' or ${table.passwordHash} is not null`,
    ),
  ],
);
