import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '@/db/data-dir-lock';

describe('acquireDataDirLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses while a running process holds the folder', () => {
    // The parent of this test process is alive for sure.
    writeFileSync(path.join(dir, 'pglite.lock'), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(`pid ${process.ppid}`);
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    writeFileSync(path.join(dir, 'pglite.lock'), '999999999');
    const lock = acquireDataDirLock(dir);
    expect(existsSync(path.join(dir, 'pglite.lock'))).toBe(true);
    lock.release();
    expect(existsSync(path.join(dir, 'pglite.lock'))).toBe(false);
  });
});
