import { DataDirLockedError } from '@/db/data-dir-lock';
import type { DatabaseDriver } from '@/db/database';
import { rootCause, rootMessage, type ErrorLike } from '@/lib/errors/root-cause';

function codeOf(error: unknown): string | undefined {
  return (error as ErrorLike)?.code ?? rootCause(error).code;
}

/**
 * Turns a failure to open or migrate the database into one line that says where,
 * what failed and what to check — printed instead of a stack trace when the server starts.
 */
export function describeStartupError(
  error: unknown,
  where: { driver: DatabaseDriver; location: string },
): string {
  if (error instanceof DataDirLockedError) return `Gatehouse cannot start: ${error.message}.`;

  const at =
    where.driver === 'postgres'
      ? `PostgreSQL at ${where.location}`
      : `the embedded database in ${where.location}`;
  const code = codeOf(error);
  const says = rootMessage(error);

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
    '28P01': `password authentication failed (${says}). Check the user and password in DATABASE_URL.`,
    '28000': `the server refused this user or client (${says}). Check the user in DATABASE_URL and the server's pg_hba.conf.`,
    '3D000': `${says}. Create it (for example with createdb) or fix the database name in DATABASE_URL.`,
    '42501': `permission denied (${says}). The user in DATABASE_URL needs the right to create tables in its database.`,
    EACCES: `the folder is not writable (${says}). Check its permissions, or set DATA_DIR to a writable folder.`,
    EROFS: `the file system is read-only (${says}). Set DATA_DIR to a writable folder, or set DATABASE_URL.`,
    ENOSPC: 'the disk is full. Free some space and start again.',
  };
  if (code && reasons[code]) return `Gatehouse cannot start: ${at}: ${reasons[code]}`;
  if (error instanceof TypeError && /invalid url/i.test(says)) {
    return 'Gatehouse cannot start: DATABASE_URL is not a valid URL. Expected postgres://user:password@host:5432/database.';
  }
  if (/migrat|relation|syntax|column/i.test(says) || (code && /^[0-9A-Z]{5}$/.test(code))) {
    return `Gatehouse cannot start: applying the database migrations to ${at} failed: ${says}${code ? ` (code ${code})` : ''}. Check that the database belongs to this Gatehouse version.`;
  }
  return `Gatehouse cannot start: ${at}: ${says}${code ? ` (${code})` : ''}. Check DATABASE_URL (or DATA_DIR for the embedded database).`;
}
