import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseHandle } from '@/db/database';
import { launchAppServer, waitForResponse } from './app-server';
import { e2eAppSecret } from './e2e-users';
import { createTestDatabase } from './test-database';

export interface OwnInstance {
  url: string;
  database: DatabaseHandle;
  stop(): Promise<void>;
}

/**
 * A second app server on a fresh database of the harness's cluster, for browser tests that
 * change what the whole instance shows (the host name): on the shared server they would race
 * the tests of other workers. Signs in with the same secret, so `signInAs` works against it.
 */
export async function startOwnInstance(
  label: string,
  env: Record<string, string> = {},
): Promise<OwnInstance> {
  const adminUrl = process.env.GATEHOUSE_E2E_POSTGRES_ADMIN_URL;
  if (!adminUrl) throw new Error('GATEHOUSE_E2E_POSTGRES_ADMIN_URL is not set');
  const database = await createTestDatabase(adminUrl, label);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `gatehouse-${label}-`));
  const server = await launchAppServer({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    APP_SECRET: e2eAppSecret,
    ...env,
  });
  const stop = async () => {
    await server.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForResponse(server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: server.url, database: database.handle, stop };
}
