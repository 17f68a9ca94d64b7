import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

const folderMode = 0o700;
const fileMode = 0o600;

function tighten(entry: string): void {
  const stat = lstatSync(entry);
  // A link's own mode means nothing, and chmod would follow it out of the folder.
  if (stat.isSymbolicLink()) return;
  const mode = stat.isDirectory() ? folderMode : fileMode;
  if ((stat.mode & 0o777) !== mode) chmodSync(entry, mode);
  if (stat.isDirectory()) for (const child of readdirSync(entry)) tighten(path.join(entry, child));
}

/**
 * Makes the data folder readable by the server's own OS user alone: the embedded database in it
 * holds password hashes and the sealed SMTP password. PGlite creates files with 0666/0777 less
 * the umask (usually readable by everyone), so the process umask becomes 077; folders and files
 * left readable (by an earlier version, or by PGlite's own chmods) are tightened by a walk of the
 * folder. Worker threads cannot set the umask: there the 0700 folders still keep others out.
 */
export function makeDataDirPrivate(dataDir: string): void {
  if (isMainThread) process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: folderMode });
  tighten(dataDir);
}
