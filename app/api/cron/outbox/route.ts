// GET/POST /api/cron/outbox: sends due email, for platforms whose scheduler calls a URL
// (serverless deployments have no long-running sweep). Needs `Authorization: Bearer <CRON_SECRET>`.
import { timingSafeEqual } from 'node:crypto';
import { getDb } from '@/db/client';
import { drainOutbox } from '@/lib/mail/outbox/drain-outbox';

export const dynamic = 'force-dynamic';

function authorized(request: Request): boolean {
  const secret = process.env.CRON_SECRET;
  const given = request.headers.get('authorization') ?? '';
  const expected = `Bearer ${secret}`;
  return (
    Boolean(secret) &&
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  );
}

async function handle(request: Request): Promise<Response> {
  if (!process.env.CRON_SECRET) {
    return Response.json({ error: 'CRON_SECRET is not set on this deployment' }, { status: 503 });
  }
  if (!authorized(request)) return Response.json({ error: 'unauthorized' }, { status: 401 });
  const result = await drainOutbox(await getDb());
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
}

export { handle as GET, handle as POST };
