// POST /api/backup: a consistent copy of the embedded database while the server runs, for
// `npm run gatehouse -- backup <file>` (which signs its request with the app secret). A server
// on PostgreSQL answers 409: back that up with pg_dump.
import { getDatabaseHandle } from '@/lib/database/configured-database';
import { getAppSecret } from '@/lib/secret/get-app-secret';
import { isBackupToken } from '@/lib/security/backup-token';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

export async function POST(request: Request): Promise<Response> {
  const token = (request.headers.get('authorization') ?? '').replace(/^Bearer /, '');
  if (!isBackupToken(getAppSecret(), token)) {
    return new Response('unauthorized\n', { status: 401, headers: noStore });
  }
  const handle = await getDatabaseHandle();
  if (!handle.dumpData) {
    return new Response(
      `This server uses PostgreSQL at ${handle.location}: back it up with pg_dump (docs/deploy.md).\n`,
      { status: 409, headers: noStore },
    );
  }
  const copy = await handle.dumpData();
  return new Response(copy.stream(), {
    headers: { ...noStore, 'content-type': 'application/gzip' },
  });
}
