import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holderPid: number,
  ) {
    super(
      `the embedded database in ${folder} is in use by another Gatehouse process (pid ${holderPid}); stop that process first, or set DATABASE_URL to use a PostgreSQL server`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of another process that still runs and holds `<dataDir>/pglite.lock`, if any. */
export function dataDirLockHolder(dataDir: string): number | null {
  let holderPid: number;
  try {
    holderPid = Number.parseInt(readFileSync(path.join(dataDir, 'pglite.lock'), 'utf8'), 10);
  } catch {
    return null;
  }
  return holderPid !== process.pid && Number.isInteger(holderPid) && isRunning(holderPid)
    ? holderPid
    : null;
}

/** Takes `<dataDir>/pglite.lock` for this process; a lock left by a process that died is taken over. */
export function acquireDataDirLock(dataDir: string): { release(): void } {
  const lockFile = path.join(dataDir, 'pglite.lock');
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holderPid = dataDirLockHolder(dataDir);
    if (holderPid !== null) throw new DataDirLockedError(dataDir, holderPid);
    writeFileSync(lockFile, String(process.pid));
  }
  const release = () => {
    try {
      if (readFileSync(lockFile, 'utf8') === String(process.pid)) unlinkSync(lockFile);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.once('exit', release);
  return {
    release() {
      process.removeListener('exit', release);
      release();
    },
  };
}
