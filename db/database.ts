import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

/** What the rest of the app sees of the database: the same for PGlite and real PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseDriver = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  /** Where the data lives, for logs and error messages: `host:port/name` or the PGlite folder. */
  location: string;
  close(): Promise<void>;
  /**
   * Replaces every pooled connection with new ones (real PostgreSQL only): after an outage,
   * a connection from before it can still fail its next query with the shutdown's error.
   * Queries already running on the old connections may finish, for a few seconds.
   */
  renewConnections?(): Promise<void>;
  /**
   * A consistent copy of the whole database (embedded PostgreSQL only): PGlite's folder as a
   * gzipped tar, taken between two queries, while the database keeps serving.
   */
  dumpData?(): Promise<Blob>;
}
