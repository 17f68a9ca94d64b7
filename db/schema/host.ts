import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { twoFactorPolicyEnum } from './two-factor';

/** The instance's own settings: exactly one row (id = 1). */
export const hostSettings = pgTable(
  'host_settings',
  {
    id: integer().primaryKey().default(1),
    hostName: text().notNull().default('Gatehouse'),
    /** How long a new invitation link lives: 1 hour to 30 days. */
    invitationLifetimeHours: integer().notNull().default(72),
    /** How long the delivery log keeps an email that is done with (sent, failed, cancelled). */
    emailRetentionDays: integer().notNull().default(90),
    /** How long the audit log keeps an event: 30 days to 7 years. */
    auditRetentionDays: integer().notNull().default(365),
    /** Who must pass a second step at sign-in (Settings → Security). */
    twoFactorPolicy: twoFactorPolicyEnum().notNull().default('off'),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('host_settings_single_row', sql`${table.id} = 1`),
    check(
      'host_settings_invitation_lifetime',
      sql`${table.invitationLifetimeHours} between 1 and 720`,
    ),
    check('host_settings_email_retention', sql`${table.emailRetentionDays} between 1 and 3650`),
    check('host_settings_audit_retention', sql`${table.auditRetentionDays} between 30 and 2557`),
  ],
);
