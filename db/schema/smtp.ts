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
    /** How the client signs in when `auth` is on: a password, or an OAuth2 token (XOAUTH2). */
    signIn: text({ enum: ['password', 'oauth2'] })
      .notNull()
      .default('password'),
    /** The mailbox signed in as, for either way of signing in. */
    username: text(),
    /** AES-256-GCM with a key derived from the app secret (lib/crypto/secret-box.ts). */
    passwordEncrypted: text(),
    /** OAuth2 only: where the token comes from (lib/oauth). */
    oauthProvider: text({ enum: ['microsoft', 'google', 'other'] }),
    /** Microsoft 365: the directory (tenant id or domain). */
    oauthTenant: text(),
    /** Microsoft's sign-in authority (national clouds); null is the global one. */
    oauthAuthority: text(),
    /** The client id; for a Google service account, its client email. */
    oauthClientId: text(),
    /** Other provider: the token URL; Google: the key's token_uri. */
    oauthTokenUrl: text(),
    /** Other provider's scope; Microsoft's and Google's follow from the provider. */
    oauthScope: text(),
    /** The client secret, or the service account's private key, sealed like the password. */
    oauthSecretEncrypted: text(),
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

/**
 * OAuth2 access tokens for SMTP sign-in, shared by every app instance. One row per token
 * source: `source` is a keyed digest of everything that decides the token (provider, endpoint,
 * client, secret, mailbox), so a changed configuration never reuses an old token.
 * `fetchingUntil` is a lease: the one instance holding it asks the provider, the others wait.
 */
export const smtpOauthTokens = pgTable('smtp_oauth_tokens', {
  source: text().primaryKey(),
  /** Sealed with the app secret, like the SMTP password. */
  tokenEncrypted: text(),
  expiresAt: timestamp({ withTimezone: true }),
  /** A little before expiry: from then on the token is renewed before use. */
  renewAt: timestamp({ withTimezone: true }),
  fetchingUntil: timestamp({ withTimezone: true }),
  fetchedAt: timestamp({ withTimezone: true }),
});

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

/**
 * The certificate the SMTP server showed when last connected to (by the outbox or a test
 * email), one row: the dashboard warns while it expires within 14 days. Keyed by the server it
 * was seen at, so a changed configuration never warns of the old server's certificate.
 */
export const smtpServerCertificate = pgTable(
  'smtp_server_certificate',
  {
    id: integer().primaryKey().default(1),
    host: text().notNull(),
    port: integer().notNull(),
    subject: text().notNull(),
    validTo: timestamp({ withTimezone: true }).notNull(),
    fingerprint256: text().notNull(),
    seenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('smtp_server_certificate_single_row', sql`${table.id} = 1`)],
);
