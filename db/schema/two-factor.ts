import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users';

/** Host settings → Security: who must pass a second step after the password. */
export const twoFactorPolicyEnum = pgEnum('two_factor_policy', [
  'off',
  'optional',
  'required_for_host_admins',
  'required_for_everyone',
]);
export type TwoFactorPolicy = (typeof twoFactorPolicyEnum.enumValues)[number];

/** Ways to prove the second factor; recovery codes are the fallback, not a method. */
export const twoFactorMethodEnum = pgEnum('two_factor_method', ['email', 'totp']);
export type TwoFactorMethod = (typeof twoFactorMethodEnum.enumValues)[number];

/**
 * A user's second-factor methods, one row each. A row without `confirmedAt` is a set-up in
 * progress: the authenticator secret offered (or the code emailed) but not yet confirmed by a
 * first code, so it signs nobody in.
 */
export const twoFactorMethods = pgTable(
  'two_factor_methods',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    method: twoFactorMethodEnum().notNull(),
    /** Authenticator app: its secret, sealed with the app secret (lib/crypto/secret-box.ts). */
    sealedSecret: text(),
    /** Authenticator app: the last time step whose code was accepted; each code works once. */
    lastUsedStep: bigint({ mode: 'number' }),
    /** Emailed code: the code sent to confirm the address while setting it up (its hash). */
    setupCodeHash: text(),
    setupCodeExpiresAt: timestamp({ withTimezone: true }),
    setupCodeSentAt: timestamp({ withTimezone: true }),
    confirmedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.method] }),
    check(
      'two_factor_methods_totp_secret',
      sql`${table.method} <> 'totp' or ${table.sealedSecret} is not null`,
    ),
  ],
);

/** Single-use codes for when no method is at hand; only their SHA-256 is kept. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.codeHash] })],
);

/**
 * What the second step of a sign-in asks: a code (`verify`), or a method set up first because
 * the policy requires one the user lacks (`set_up`).
 */
export const signInStepEnum = pgEnum('sign_in_step', ['verify', 'set_up']);
export type SignInStep = (typeof signInStepEnum.enumValues)[number];

/**
 * A sign-in whose password was right and whose second step is still to come: the browser holds
 * its random token in a cookie of its own (never a session), for a few minutes, for this one
 * purpose. Only the token's hash is kept, like every token.
 */
export const signInChallenges = pgTable(
  'sign_in_challenges',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    step: signInStepEnum().notNull(),
    /** Wrong codes so far: the fifth ends the attempt. */
    failedAttempts: integer().notNull().default(0),
    /** The emailed code's hash while one is out; a new code replaces it. */
    emailCodeHash: text(),
    /** The code it replaced: entered, it is refused as replaced rather than as wrong. */
    replacedEmailCodeHash: text(),
    emailCodeExpiresAt: timestamp({ withTimezone: true }),
    emailCodeSentAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('sign_in_challenges_user_id').on(table.userId),
    // The sweep deletes the abandoned ones without reading the live ones.
    index('sign_in_challenges_expires_at').on(table.expiresAt),
  ],
);
