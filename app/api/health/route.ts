// GET /api/health: 200 when the database answers and is fully migrated, 503 with the reason otherwise.
import { getDatabaseHandle } from '@/db/client';
import { checkHealth } from '@/lib/health/check-health';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const report = await checkHealth(getDatabaseHandle);
  return Response.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
}
