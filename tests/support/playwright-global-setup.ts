import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchAppServer, waitForResponse } from './app-server';
import { e2eAppSecret, e2eCronSecret } from './e2e-users';
import { assertServerLogsHoldNoSecrets } from './log-secrets';
import { startPostgresCluster } from './postgres-cluster';
import { serverLogFolder } from './server-log';
import { createTestDatabase } from './test-database';

/**
 * Before the browser tests: a throwaway PostgreSQL cluster, a fresh production build when the
 * sources changed, and the app served from it on a free port. Workers find both through env.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // Every app server of this run leaves its log here; the teardown greps them for secrets.
  rmSync(serverLogFolder, { recursive: true, force: true });
  const cluster = await startPostgresCluster();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-e2e-'));
  let stopServer = async () => {};
  try {
    const database = await createTestDatabase(cluster.url(), 'e2e');
    await database.handle.close();
    execFileSync(process.execPath, [path.resolve('scripts/build-if-needed.mjs')], {
      stdio: 'inherit',
    });

    const server = await launchAppServer({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      APP_SECRET: e2eAppSecret,
      CRON_SECRET: e2eCronSecret,
    });
    stopServer = () => server.stop();
    await waitForResponse(server);

    process.env.GATEHOUSE_E2E_BASE_URL = server.url;
    process.env.GATEHOUSE_E2E_DATABASE_URL = database.url;
    process.env.GATEHOUSE_E2E_POSTGRES_ADMIN_URL = cluster.url();
  } catch (error) {
    await stopServer();
    cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    await stopServer();
    cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
    // The whole run's logs, the shared server's and every spec's own: no secret in any.
    assertServerLogsHoldNoSecrets();
  };
}
