import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withEnvironment } from '../support/with-environment';

// The request's cookies, as next/headers hands them to server code.
const cookieJar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { value: cookieJar.get(name) } : undefined),
  }),
}));

const { currentSessionToken } = await import('@/lib/auth/current-user');

const withEnv = withEnvironment(['APP_SECRET', 'NEXTAUTH_SECRET', 'DATA_DIR', 'APP_URL']);
const holder = globalThis as { gatehouseAppSecret?: string };
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-current-user-'));
  delete holder.gatehouseAppSecret;
  cookieJar.clear();
});
afterEach(() => {
  delete holder.gatehouseAppSecret;
  rmSync(dataDir, { recursive: true, force: true });
});

async function sendCookie(secret: string) {
  cookieJar.set('gatehouse.session', await encode({ token: { sessionToken: 'abc' }, secret }));
}

describe('currentSessionToken', () => {
  it('reads a cookie signed with the app secret', async () => {
    const secret = 'a'.repeat(40);
    withEnv({ APP_SECRET: secret, DATA_DIR: dataDir });
    await sendCookie(secret);
    expect(await currentSessionToken()).toBe('abc');
    await sendCookie('b'.repeat(40));
    expect(await currentSessionToken()).toBeNull();
  });

  it('throws when there is no secret, instead of quietly treating everyone as signed out', async () => {
    // No APP_SECRET, NEXTAUTH_SECRET not set by a server start, and an empty secret file.
    withEnv({ DATA_DIR: dataDir });
    writeFileSync(path.join(dataDir, 'app-secret'), '\n');
    await sendCookie('c'.repeat(40));
    await expect(currentSessionToken()).rejects.toThrow(/app secret/i);
  });
});
