import { sql } from 'drizzle-orm';
import { heldDatabase } from '@/db/database-holder';
import type { DatabaseHandle } from '@/db/database';
import { rootCause, rootMessage } from '@/lib/errors/root-cause';
import { databaseFailureReason, databaseLabel } from './database-failure-reason';
import { log } from '@/lib/log/logger';

// Whether the database answers, known process-wide (globalThis: the proxy and the routes are
// bundled apart) and refreshed at most every couple of seconds. The proxy asks on every page
// request, so a healthy database costs one `select 1` per two seconds, run in the background:
// no request waits for it. While the database is down, each check waits for a fresh probe (a
// refused connection answers at once), so the first request after it is back gets through.

/** How long an answer is trusted: a healthy one longer, so outages are seen within this. */
/** Shown, with status 503, in place of any page while the database is down (app/database-unavailable). */
export const databaseUnavailablePath = '/database-unavailable';

const trustedForMs = { reachable: 2000, unreachable: 1000 };
/** A probe that takes longer counts as unreachable: a hung server must not hang every page. */
const probeTimeoutMs = 1500;

interface Availability {
  reachable: boolean;
  checkedAt: number;
  probing?: Promise<boolean>;
}

const processWide = globalThis as typeof globalThis & { gatehouseAvailability?: Availability };
const state = (): Availability =>
  (processWide.gatehouseAvailability ??= { reachable: true, checkedAt: 0 });

/** One log line when the database goes away (where, what, what to check), one when it is back. */
function record(reachable: boolean, handle: DatabaseHandle | undefined, error?: unknown): void {
  const current = state();
  if (current.reachable && !reachable) {
    const where = handle ? databaseLabel(handle) : 'the database';
    const says = rootMessage(error);
    const reason = databaseFailureReason(rootCause(error).code, says) ?? says;
    log.error(
      `Database unreachable: ${where}: ${reason.replace(/\.?$/, '.')} Pages answer 503 and forms say so until it answers again; no restart is needed.`,
    );
  } else if (!current.reachable && reachable) {
    log.info(`Database reachable again${handle ? `: ${databaseLabel(handle)}` : ''}.`);
    // Connections from before the outage can fail their next query with its error.
    void handle?.renewConnections?.().catch(() => {});
  }
  current.reachable = reachable;
  current.checkedAt = Date.now();
}

async function probe(): Promise<boolean> {
  const opening = heldDatabase();
  // Not opened yet: the server is still starting, and start-up reports its own failures.
  if (!opening) return true;
  let handle: DatabaseHandle | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    handle = await opening;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(Object.assign(new Error(`${probeTimeoutMs / 1000} s`), { code: 'PROBE_TIMEOUT' })),
        probeTimeoutMs,
      );
    });
    await Promise.race([handle.db.execute(sql`select 1`), timeout]);
    record(true, handle);
    return true;
  } catch (error) {
    record(false, handle, error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function probeOnce(current: Availability): Promise<boolean> {
  current.probing ??= probe().finally(() => (current.probing = undefined));
  return current.probing;
}

/** Whether the database answered lately; see the top of this file for what it costs. */
export async function databaseReachable(): Promise<boolean> {
  const current = state();
  const age = Date.now() - current.checkedAt;
  if (age < trustedForMs[current.reachable ? 'reachable' : 'unreachable']) return current.reachable;
  if (!current.reachable) return probeOnce(current);
  void probeOnce(current);
  return true;
}

/** A query failed for want of a database: later page requests answer 503 without trying. */
export async function reportDatabaseUnreachable(error: unknown): Promise<void> {
  const opening = heldDatabase();
  record(false, opening ? await opening.catch(() => undefined) : undefined, error);
}
