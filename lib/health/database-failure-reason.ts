import type { DatabaseDriver } from '@/db/database';

// The wording of database failures, shared by the start-up line (describe-startup-error.ts) and
// the outage lines printed while the server runs. No imports beyond types: the proxy uses it.

/** "PostgreSQL at host:5432/name" or "the embedded database in /folder". */
export function databaseLabel(where: { driver: DatabaseDriver; location: string }): string {
  return where.driver === 'postgres'
    ? `PostgreSQL at ${where.location}`
    : `the embedded database in ${where.location}`;
}

/** What a failure code means and what to check, or undefined for codes without advice. */
export function databaseFailureReason(code: string | undefined, says: string): string | undefined {
  // While running: the server went away under open connections (stopped, restarted, network).
  const closed =
    'the server closed the connection: it was stopped or restarted, or the network between dropped. Check that PostgreSQL is running.';
  const reasons: Record<string, string> = {
    ECONNREFUSED:
      'connection refused. Is the server running and listening on that port? Check DATABASE_URL.',
    ENOTFOUND: 'the host name cannot be found. Check the host in DATABASE_URL.',
    EAI_AGAIN:
      'the host name could not be looked up (DNS not answering). Check the host in DATABASE_URL and the network.',
    ETIMEDOUT:
      'no answer within 10 s. Check the host and port in DATABASE_URL and any firewall between.',
    CONNECT_TIMEOUT:
      'no answer within 10 s. Check the host and port in DATABASE_URL and any firewall between.',
    ECONNRESET:
      'the server closed the connection. Check that DATABASE_URL points at PostgreSQL and whether it requires SSL (add ?sslmode=require).',
    CONNECTION_CLOSED: closed,
    CONNECTION_ENDED: closed,
    CONNECTION_DESTROYED: closed,
    '57P01': closed, // admin_shutdown
    '57P02': closed, // crash_shutdown
    '57P03': 'the server is starting up or shutting down. Check that PostgreSQL is running.',
    PROBE_TIMEOUT: `no answer within ${says}. Check that PostgreSQL is running and not overloaded.`,
    '28P01': `password authentication failed (${says}). Check the user and password in DATABASE_URL.`,
    '28000': `the server refused this user or client (${says}). Check the user in DATABASE_URL and the server's pg_hba.conf.`,
    '3D000': `${says}. Create it (for example with createdb) or fix the database name in DATABASE_URL.`,
    '42501': `permission denied (${says}). The user in DATABASE_URL needs the right to create tables in its database.`,
    EACCES: `the folder is not writable (${says}). Check its permissions, or set DATA_DIR to a writable folder.`,
    EROFS: `the file system is read-only (${says}). Set DATA_DIR to a writable folder, or set DATABASE_URL.`,
    ENOSPC: 'the disk is full. Free some space and start again.',
  };
  return code ? reasons[code] : undefined;
}
