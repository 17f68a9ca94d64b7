import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { cronSecretSetting, metricsTokenSetting } from '@/lib/env';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether the request carries `Authorization: Bearer <CRON_SECRET>` (never when CRON_SECRET is
 * unset). Compares SHA-256 digests in constant time: they always have the same length, where a
 * header with non-ASCII characters has more bytes than characters.
 */
export function carriesCronSecret(request: Request): boolean {
  return carriesBearer(request, cronSecretSetting());
}

/** Whether the request carries `Authorization: Bearer <METRICS_TOKEN>` (never when it is unset). */
export function carriesMetricsToken(request: Request): boolean {
  return carriesBearer(request, metricsTokenSetting());
}

function carriesBearer(request: Request, secret: string | undefined): boolean {
  if (!secret) return false;
  const given = request.headers.get('authorization') ?? '';
  return timingSafeEqual(digest(given), digest(`Bearer ${secret}`));
}
