import { test as sharedInstanceTest } from './e2e-fixtures';
import { startOwnInstance, type OwnInstance } from './own-instance';

/**
 * `test` for a spec that changes what the whole instance does (the SMTP configuration and
 * switch): the same fixtures, but `baseURL` and `database` point at an app server of the
 * spec's own, started once per worker. On the shared server such a spec would switch email on
 * under the feet of tests in other workers that rely on it being off.
 */
export function testOnOwnInstance(label: string, env: Record<string, string> = {}) {
  return sharedInstanceTest.extend<object, { ownInstance: OwnInstance }>({
    ownInstance: [
      async ({}, use, workerInfo) => {
        const instance = await startOwnInstance(`${label}_${workerInfo.workerIndex}`, env);
        await use(instance);
        await instance.stop();
      },
      { scope: 'worker' },
    ],
    database: [async ({ ownInstance }, use) => use(ownInstance.database), { scope: 'worker' }],
    baseURL: async ({ ownInstance }, use) => use(ownInstance.url),
  });
}
