// GET /api/health: 200 {"status":"ok"} when the database answers and is fully migrated, else
// 503 {"status":"unavailable"}; the detail (driver, latency, migrations, the reason) goes to
// the server log and, with `Authorization: Bearer <CRON_SECRET>`, to the operator.
import { getDatabaseHandle } from '@/lib/database/configured-database';
import { checkHealth } from '@/lib/health/check-health';
import { carriesCronSecret } from '@/lib/security/cron-secret';
import { log } from '@/lib/log/logger';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const report = await checkHealth(getDatabaseHandle);
  const healthy = report.status === 'ok';
  if (!healthy) log.error(`Health check failed: ${report.reason}`);
  // The public learns whether the instance is up, not where its database is or why it is down.
  const body = carriesCronSecret(request) ? report : { status: healthy ? 'ok' : 'unavailable' };
  return Response.json(body, {
    status: healthy ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
}
