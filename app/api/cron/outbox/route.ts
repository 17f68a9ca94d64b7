// GET/POST /api/cron/outbox: sends due email and deletes expired sessions and throttle counts,
// for platforms whose scheduler calls a URL (serverless deployments have no long-running sweep).
// Needs `Authorization: Bearer <CRON_SECRET>`.
import { getDb } from '@/db/client';
import { drainOutbox } from '@/lib/mail/outbox/drain-outbox';
import { sweepExpiredRowsOrLog } from '@/lib/maintenance/sweep-expired-rows';
import { carriesCronSecret } from '@/lib/security/cron-secret';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  if (!process.env.CRON_SECRET) {
    return Response.json({ error: 'CRON_SECRET is not set on this deployment' }, { status: 503 });
  }
  if (!carriesCronSecret(request)) return Response.json({ error: 'unauthorized' }, { status: 401 });
  const db = await getDb();
  const result = await drainOutbox(db);
  // Sessions and throttle counts that are over: logged, not failed, when that goes wrong.
  const expired = await sweepExpiredRowsOrLog(db);
  return Response.json({ ...result, expired }, { headers: { 'cache-control': 'no-store' } });
}

export { handle as GET, handle as POST };
