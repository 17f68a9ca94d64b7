// GET/POST /api/cron/outbox: sends due email, for platforms whose scheduler calls a URL
// (serverless deployments have no long-running sweep). Needs `Authorization: Bearer <CRON_SECRET>`.
import { getDb } from '@/db/client';
import { drainOutbox } from '@/lib/mail/outbox/drain-outbox';
import { carriesCronSecret } from '@/lib/security/cron-secret';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  if (!process.env.CRON_SECRET) {
    return Response.json({ error: 'CRON_SECRET is not set on this deployment' }, { status: 503 });
  }
  if (!carriesCronSecret(request)) return Response.json({ error: 'unauthorized' }, { status: 401 });
  const result = await drainOutbox(await getDb());
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
}

export { handle as GET, handle as POST };
