import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { roleEnum } from './roles';
import { users } from './users';

export const accountStatusEnum = pgEnum('account_status', ['active', 'setup', 'deactivated']);
export type AccountStatus = (typeof accountStatusEnum.enumValues)[number];

export const accounts = pgTable(
  'accounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    status: accountStatusEnum().notNull().default('active'),
    /** Managed: host users may work in it by their host role. Unmanaged: only its own users. */
    managed: boolean().notNull(),
    /** Set by the account's admins: host admins may then manage this account's users. */
    delegatedUserManagement: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Two accounts named alike ("Acme" and "acme ") would be told apart by nobody.
  (table) => [
    uniqueIndex('accounts_name_unique').on(sql`lower(${table.name})`),
    // The Accounts page's search finds a name by any part of it (pg_trgm, migration 0008).
    index('accounts_name_search').using('gin', sql`lower(${table.name}) gin_trgm_ops`),
  ],
);

/** A user's one role in one account. */
export const accountMemberships = pgTable(
  'account_memberships',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.accountId] }),
    // An account's users and its user count, without reading every membership.
    index('account_memberships_by_account').on(table.accountId),
  ],
);
