// GET/POST /api/cron/outbox: sends due email and deletes the rows that are over (sessions,
// throttle counts, old emails, dead links), for platforms whose scheduler calls a URL
// (serverless deployments have no long-running sweep).
// Needs `Authorization: Bearer <CRON_SECRET>`.
import { getDb } from '@/lib/database/configured-database';
import { isDatabaseUnreachable } from '@/lib/errors/database-unreachable';
import { rootMessage } from '@/lib/errors/root-cause';
import { drainOutbox } from '@/lib/outbox/drain-outbox';
import { sweepExpiredRows } from '@/lib/maintenance/sweep-expired-rows';
import { carriesCronSecret } from '@/lib/security/cron-secret';
import { cronSecretSetting } from '@/lib/env';
import { log } from '@/lib/log/logger';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

async function handle(request: Request): Promise<Response> {
  if (!cronSecretSetting()) {
    return Response.json({ error: 'CRON_SECRET is not set on this deployment' }, { status: 503 });
  }
  if (!carriesCronSecret(request)) return Response.json({ error: 'unauthorized' }, { status: 401 });
  try {
    const db = await getDb();
    const result = await drainOutbox(db);
    // Each table's sweep is logged, not failed, when it goes wrong (its count is then null).
    const expired = await sweepExpiredRows(db);
    return Response.json({ ...result, expired }, { headers: noStore });
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    // Nothing was claimed or sent: the emails wait in the outbox for the scheduler's next call.
    log.error(`Outbox cron: the database cannot be reached (${rootMessage(error)})`);
    return Response.json(
      { error: 'the database cannot be reached; queued email waits for the next call' },
      { status: 503, headers: noStore },
    );
  }
}

export { handle as GET, handle as POST };
