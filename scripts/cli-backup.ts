import 'server-only';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { DataDirLockedError, dataDirLockHolder } from '@/db/data-dir-lock';
import { openPglite } from '@/db/open-pglite';
import { accounts, users } from '@/db/schema';
import { databaseUrl, dataDir } from '@/lib/env';
import { readMigrationStatus } from '@/lib/health/migration-status';
import { loadAppSecret } from '@/lib/secret/app-secret';
import { backupToken } from '@/lib/security/backup-token';
import { appBaseUrl } from '@/lib/urls';

// `npm run gatehouse -- backup <file>` and `restore <file>`: the embedded database (PGlite) as
// one file, and back. Backup works while the server runs (the server makes the copy, between
// two queries); restore only while it does not.

export type BackupResult =
  | { ok: true; file: string; bytes: number; through: 'server' | 'folder' }
  | { ok: false; reason: 'postgres' | 'noDatabase' }
  | { ok: false; reason: 'serverRefused'; status: number; says: string }
  | { ok: false; reason: 'serverUnreachable'; url: string; says: string };

export type RestoreResult =
  | {
      ok: true;
      folder: string;
      movedAside: string | null;
      users: number;
      accounts: number;
      pendingMigrations: number;
    }
  | { ok: false; reason: 'postgres' | 'noFile' | 'notABackup' }
  | { ok: false; reason: 'locked'; holderPid: number }
  | { ok: false; reason: 'newerSchema'; applied: number; expected: number };

const folderOf = (dir: string) => path.join(dir, 'pglite');
const hasDatabase = (dir: string) => existsSync(path.join(folderOf(dir), 'PG_VERSION'));

/** Writes next to the target first, so a cut-off copy never takes the file's name. */
function writeWhole(file: string, bytes: Uint8Array): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes, { mode: 0o600 });
  renameSync(partial, file);
}

/** Asks the running server for the copy: it holds the folder, and only it may read it now. */
async function backupThroughServer(file: string): Promise<BackupResult> {
  const url = `${appBaseUrl()}/api/backup`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${backupToken(loadAppSecret().secret)}` },
    });
  } catch (error) {
    return { ok: false, reason: 'serverUnreachable', url, says: String(error) };
  }
  if (!response.ok) {
    return {
      ok: false,
      reason: 'serverRefused',
      status: response.status,
      says: await response.text(),
    };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  writeWhole(file, bytes);
  return { ok: true, file, bytes: bytes.length, through: 'server' };
}

export async function backupEmbedded(file: string): Promise<BackupResult> {
  if (databaseUrl()) return { ok: false, reason: 'postgres' };
  const dir = dataDir();
  if (!hasDatabase(dir)) return { ok: false, reason: 'noDatabase' };
  let handle;
  try {
    handle = await openPglite(dir);
  } catch (error) {
    if (error instanceof DataDirLockedError) return backupThroughServer(file);
    throw error;
  }
  try {
    const bytes = new Uint8Array(await (await handle.dumpData!()).arrayBuffer());
    writeWhole(file, bytes);
    return { ok: true, file, bytes: bytes.length, through: 'folder' };
  } finally {
    await handle.close();
  }
}

/** A gzip file starts with 1f 8b: anything else is not a backup of ours. */
function isGzip(bytes: Buffer): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Restores a backup into the data folder. The database there now is moved aside (never
 * deleted); a backup from a newer Gatehouse (migrations this code lacks) is refused and the
 * folder put back as it was.
 */
export async function restoreEmbedded(file: string, now = new Date()): Promise<RestoreResult> {
  if (databaseUrl()) return { ok: false, reason: 'postgres' };
  if (!existsSync(file)) return { ok: false, reason: 'noFile' };
  const bytes = readFileSync(file);
  if (!isGzip(bytes)) return { ok: false, reason: 'notABackup' };
  const dir = dataDir();
  const folder = folderOf(dir);
  // The lock first: a running server must not find its folder moved away.
  const holder = dataDirLockHolder(dir);
  if (holder) return { ok: false, reason: 'locked', holderPid: holder };
  let movedAside: string | null = null;
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    movedAside = `${folder}-before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(folder, movedAside);
  }
  const putBack = () => {
    rmSync(folder, { recursive: true, force: true });
    if (movedAside) renameSync(movedAside, folder);
  };
  let handle;
  try {
    handle = await openPglite(dir, { loadFrom: new Blob([bytes]) });
  } catch (error) {
    putBack();
    if (error instanceof DataDirLockedError) {
      return { ok: false, reason: 'locked', holderPid: error.holderPid };
    }
    throw error;
  }
  try {
    const status = await readMigrationStatus(handle.db);
    if (status.applied > status.expected) {
      await handle.close();
      handle = null;
      putBack();
      return {
        ok: false,
        reason: 'newerSchema',
        applied: status.applied,
        expected: status.expected,
      };
    }
    const [[userCount], [accountCount]] = await Promise.all([
      handle.db.select({ value: count() }).from(users),
      handle.db.select({ value: count() }).from(accounts),
    ]);
    return {
      ok: true,
      folder,
      movedAside,
      users: userCount?.value ?? 0,
      accounts: accountCount?.value ?? 0,
      pendingMigrations: status.pending,
    };
  } finally {
    await handle?.close();
  }
}
