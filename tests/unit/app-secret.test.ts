import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAppSecret } from '@/lib/secret/app-secret';

describe('loadAppSecret', () => {
  let dir: string;
  const saved = { APP_SECRET: process.env.APP_SECRET, DATA_DIR: process.env.DATA_DIR };

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-secret-'));
    delete process.env.APP_SECRET;
    process.env.DATA_DIR = dir;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('generates a secret on first start, keeps it private, and reuses it', () => {
    const first = loadAppSecret();
    expect(first.source).toBe('generated');
    expect(first.secret.length).toBeGreaterThanOrEqual(43);
    const file = path.join(dir, 'app-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secret);
    expect(statSync(file).mode & 0o077).toBe(0);

    const second = loadAppSecret();
    expect(second).toMatchObject({ source: 'file', secret: first.secret });
  });

  it('refuses an empty or short secret file rather than signing with it', () => {
    for (const content of ['', '\n', '  \n', 'short\n']) {
      writeFileSync(path.join(dir, 'app-secret'), content);
      expect(() => loadAppSecret(), JSON.stringify(content)).toThrow(
        /app secret in .*app-secret is (empty|too short)/,
      );
    }
  });

  it('creates a missing data folder private to the server', () => {
    const dataDir = path.join(dir, 'new', 'data');
    process.env.DATA_DIR = dataDir;
    const umask = process.umask(0o022);
    try {
      loadAppSecret();
    } finally {
      process.umask(umask);
    }
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    expect((statSync(path.join(dataDir, 'app-secret')).mode & 0o777).toString(8)).toBe('600');
  });

  it('prefers APP_SECRET and refuses a short one', () => {
    process.env.APP_SECRET = 'x'.repeat(40);
    expect(loadAppSecret()).toEqual({ secret: 'x'.repeat(40), source: 'environment' });
    process.env.APP_SECRET = 'too-short';
    expect(() => loadAppSecret()).toThrow(/APP_SECRET is too short \(9 characters\)/);
  });
});
