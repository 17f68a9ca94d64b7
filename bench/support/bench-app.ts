import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { smtpSettings } from '@/db/schema';
import { launchAppServer, waitForResponse, type AppServer } from '../../tests/support/app-server';
import { startPostgresCluster } from '../../tests/support/postgres-cluster';
import { startTestSmtpServer, type TestSmtpServer } from '../../tests/support/smtp-server';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { testSmtpSettings } from '../../tests/support/test-smtp-settings';

export const benchSecret = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
export const benchSmtpUser = { user: 'bench@gatehouse.test', pass: 'bench password' };

export interface BenchApp {
  server: AppServer;
  database: TestDatabase;
  smtp: TestSmtpServer;
  /** The SMTP configuration's row, saved with the switch as asked. */
  smtpSettings: ReturnType<typeof testSmtpSettings>;
  stop(): Promise<void>;
}

/** Builds the app for production unless the build is current, as npm start does. */
export function buildAppIfNeeded(): void {
  execFileSync(process.execPath, [path.resolve('scripts/build-if-needed.mjs')], {
    stdio: 'inherit',
  });
}

/**
 * What the HTTP benchmarks measure against: the production build (built first if the
 * sources changed) served by `next start` on a throwaway PostgreSQL database, with its SMTP
 * configuration saved for the in-process server (implicit TLS, AUTH).
 */
export async function startBenchApp(
  label: string,
  options: { smtpOn: boolean },
): Promise<BenchApp> {
  buildAppIfNeeded();
  const cluster = await startPostgresCluster();
  const smtp = await startTestSmtpServer({ mode: 'tls', auth: benchSmtpUser });
  const database = await createTestDatabase(cluster.url(), label);
  // A bench may stand in for a proxy (PROXY_HOPS=1): its X-Forwarded-For plays many clients.
  const server = await launchAppServer({
    DATABASE_URL: database.url,
    APP_SECRET: benchSecret,
    PROXY_HOPS: '1',
  });
  const stop = async () => {
    await server.stop();
    await database.drop();
    await smtp.close();
    cluster.stop();
  };
  try {
    await waitForResponse(server);
    const settings = {
      ...testSmtpSettings(smtp, { credentials: benchSmtpUser, appSecret: benchSecret }),
      enabled: options.smtpOn,
    };
    await database.handle.db.insert(smtpSettings).values(settings);
    return { server, database, smtp, smtpSettings: settings, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
