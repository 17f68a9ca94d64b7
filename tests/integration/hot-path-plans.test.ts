import { sql, type SQLWrapper } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionQuery } from '@/lib/auth/read-session';
import { claimStatement } from '@/lib/outbox/claim-emails';
import { directoryFixtures } from '../support/directory-fixtures';
import { withTestDatabase } from '../support/with-test-database';

// The statements every request or every sender pays for, read through indexes: what holds at a
// million emails is checked here on a few thousand, with sequential scans forbidden (the
// figures at size are in bench/scale.ts).

const database = withTestDatabase('hot_path_plans');
const db = () => database().handle.db;
const { makeUser, makeAccount } = directoryFixtures(db);

beforeAll(async () => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
  await db().execute(sql`
    insert into outbox (recipient, kind, language, status, sent_at)
    select 'sent' || n || '@plans.test', 'invitation', 'en', 'sent', now()
    from generate_series(1, 2000) n`);
  await db().execute(sql`
    insert into outbox (recipient, kind, language, status)
    select 'queued' || n || '@plans.test', 'invitation', 'en', 'queued'
    from generate_series(1, 5) n`);
  await db().execute(sql`analyze`);
});

async function plan(statement: SQLWrapper): Promise<string> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return JSON.stringify(await tx.execute(sql`explain ${statement}`));
  });
}

describe('hot paths', () => {
  it('the outbox claim finds due emails through a status index, never by reading the sent ones', async () => {
    const claim = await plan(claimStatement({ limit: 50, leaseMs: 60_000 }));
    expect(claim).toMatch(/outbox_due_idx|outbox_status_log_order/);
    expect(claim).not.toContain('Seq Scan');
  });

  it('the session lookup before every request reads primary keys only', async () => {
    const account = await makeAccount();
    const user = await makeUser(null, [[account, 'admin']]);
    await db().execute(sql`
      insert into sessions (token_hash, user_id, expires_at)
      select md5(n::text) || md5(n::text), ${user.id}, now() + interval '1 day'
      from generate_series(1, 2000) n`);
    await db().execute(sql`analyze sessions`);
    const lookup = await plan(sessionQuery(db(), 'a'.repeat(64)));
    expect(lookup).toContain('sessions_pkey');
    expect(lookup).not.toContain('Seq Scan');
  });
});
