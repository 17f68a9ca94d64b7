import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { cronSecretSetting } from '@/lib/env';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether the request carries `Authorization: Bearer <CRON_SECRET>` (never when CRON_SECRET is
 * unset). Compares SHA-256 digests in constant time: they always have the same length, where a
 * header with non-ASCII characters has more bytes than characters.
 */
export function carriesCronSecret(request: Request): boolean {
  const secret = cronSecretSetting();
  if (!secret) return false;
  const given = request.headers.get('authorization') ?? '';
  return timingSafeEqual(digest(given), digest(`Bearer ${secret}`));
}
