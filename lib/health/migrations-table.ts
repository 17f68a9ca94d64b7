import { bigint, integer, pgSchema, text } from 'drizzle-orm/pg-core';

// Drizzle's own bookkeeping table (written by its migrator); declared here, outside db/schema,
// so drizzle-kit never tries to create it.
export const drizzleMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: integer().primaryKey(),
  hash: text().notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
});
