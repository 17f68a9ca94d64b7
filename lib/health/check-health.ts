import type { DatabaseHandle } from '@/db/database';
import { rootMessage } from '@/lib/errors/root-cause';
import { readMigrationStatus } from './migration-status';

export type HealthReport =
  | {
      status: 'ok';
      database: { driver: DatabaseHandle['driver']; reachable: true; latencyMs: number };
      migrations: { applied: number; expected: number; pending: number };
    }
  | {
      status: 'error';
      reason: string;
      database: { driver?: DatabaseHandle['driver']; reachable: boolean };
      migrations?: { applied: number; expected: number; pending: number };
    };

const timeoutMs = 3000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Whether the database answers and every committed migration is applied. */
export async function checkHealth(
  openHandle: () => Promise<DatabaseHandle>,
): Promise<HealthReport> {
  let driver: DatabaseHandle['driver'] | undefined;
  try {
    const handle = await withTimeout(openHandle(), 'the database');
    driver = handle.driver;
    const started = performance.now();
    const migrations = await withTimeout(readMigrationStatus(handle.db), 'the database');
    const latencyMs = Math.round(performance.now() - started);
    if (migrations.pending > 0) {
      return {
        status: 'error',
        reason: `${migrations.pending} database migration(s) not applied; restart the server or run npm run db:migrate`,
        database: { driver, reachable: true },
        migrations,
      };
    }
    return { status: 'ok', database: { driver, reachable: true, latencyMs }, migrations };
  } catch (error) {
    return {
      status: 'error',
      reason: `database unreachable: ${rootMessage(error)}`,
      database: { driver, reachable: false },
    };
  }
}
