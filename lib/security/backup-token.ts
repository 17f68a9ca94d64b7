import { createHmac, timingSafeEqual } from 'node:crypto';

// What `npm run gatehouse -- backup` shows the running server to be let in to POST /api/backup:
// the time, signed with the app secret, which only whoever can read the server's data folder
// or environment has. Good for a minute, so a token seen in transit is soon worth nothing.

const lifetimeMs = 60_000;

function signature(secret: string, at: number): string {
  return createHmac('sha256', secret).update(`gatehouse-backup:${at}`).digest('base64url');
}

export function backupToken(secret: string, now = Date.now()): string {
  return `${now}.${signature(secret, now)}`;
}

export function isBackupToken(secret: string, token: string, now = Date.now()): boolean {
  const match = /^(\d{13})\.([\w-]{43})$/.exec(token);
  if (!match) return false;
  const at = Number(match[1]);
  if (Math.abs(now - at) > lifetimeMs) return false;
  const expected = Buffer.from(signature(secret, at));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
