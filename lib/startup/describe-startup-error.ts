import { DataDirLockedError } from '@/db/data-dir-lock';
import type { DatabaseDriver } from '@/db/database';
import { rootCause, rootMessage, type ErrorLike } from '@/lib/errors/root-cause';
import { databaseFailureReason, databaseLabel } from '@/lib/health/database-failure-reason';

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

  const at = databaseLabel(where);
  const code = codeOf(error);
  const says = rootMessage(error);
  const reason = databaseFailureReason(code, says);
  if (reason) return `Gatehouse cannot start: ${at}: ${reason}`;
  if (error instanceof TypeError && /invalid url/i.test(says)) {
    return 'Gatehouse cannot start: DATABASE_URL is not a valid URL. Expected postgres://user:password@host:5432/database.';
  }
  if (/migrat|relation|syntax|column/i.test(says) || (code && /^[0-9A-Z]{5}$/.test(code))) {
    return `Gatehouse cannot start: applying the database migrations to ${at} failed: ${says}${code ? ` (code ${code})` : ''}. Check that the database belongs to this Gatehouse version.`;
  }
  return `Gatehouse cannot start: ${at}: ${says}${code ? ` (${code})` : ''}. Check DATABASE_URL (or DATA_DIR for the embedded database).`;
}
