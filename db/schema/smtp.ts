import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * The instance's saved SMTP configuration (one row, id = 1) and the SMTP switch, which is kept
 * apart from the values: turning it off keeps them.
 */
export const smtpSettings = pgTable(
  'smtp_settings',
  {
    id: integer().primaryKey().default(1),
    host: text().notNull(),
    port: integer().notNull(),
    senderName: text().notNull(),
    senderEmail: text().notNull(),
    /** Implicit TLS from the first byte (usually 465). */
    ssl: boolean().notNull(),
    /** STARTTLS required before anything else (usually 587). */
    starttls: boolean().notNull(),
    auth: boolean().notNull(),
    username: text(),
    /** AES-256-GCM with a key derived from the app secret (lib/crypto/secret-box.ts). */
    passwordEncrypted: text(),
    /** A CA certificate (PEM) to trust for a self-signed or private server. */
    caPem: text(),
    /** The SMTP switch: "Send email through SMTP". */
    enabled: boolean().notNull().default(false),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    check('smtp_settings_single_row', sql`${table.id} = 1`),
    check('smtp_settings_one_encryption', sql`not (${table.ssl} and ${table.starttls})`),
  ],
);

/** The outcome of the last "Send test email", shown on the SMTP page (one row, id = 1). */
export const smtpLastTest = pgTable(
  'smtp_last_test',
  {
    id: integer().primaryKey().default(1),
    ok: boolean().notNull(),
    recipient: text().notNull(),
    /** What the page shows: the diagnosis or the server's acceptance, and the details. */
    report: jsonb().notNull(),
    testedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    testedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [check('smtp_last_test_single_row', sql`${table.id} = 1`)],
);
