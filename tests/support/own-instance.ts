import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseHandle } from '@/db/database';
import { launchAppServer, waitForResponse } from './app-server';
import { e2eAppSecret } from './e2e-users';
import { createTestDatabase } from './test-database';

export interface OwnInstance {
  url: string;
  /** Its database's URL, for starting another instance on the same data. */
  databaseUrl: string;
  database: DatabaseHandle;
  /** Everything its server printed so far, to search for what must never be logged. */
  output(): string;
  stop(): Promise<void>;
}

/** Another `next start` on an own instance's database, as a second instance behind a balancer. */
export interface SecondInstance {
  url: string;
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
  return {
    url: server.url,
    databaseUrl: database.url,
    database: database.handle,
    output: () => server.output(),
    stop,
  };
}

/**
 * Starts one more app server on `first`'s database with the same app secret (so a session
 * cookie made by either is genuine to both) and a data folder of its own: nothing but the
 * database is shared, as with several instances behind a load balancer. Stop it before `first`,
 * whose stop drops the database.
 */
export async function startSecondInstance(
  first: OwnInstance,
  label: string,
  env: Record<string, string> = {},
): Promise<SecondInstance> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `gatehouse-${label}-`));
  const server = await launchAppServer({
    DATABASE_URL: first.databaseUrl,
    DATA_DIR: dataDir,
    APP_SECRET: e2eAppSecret,
    ...env,
  });
  const stop = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForResponse(server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: server.url, stop };
}
