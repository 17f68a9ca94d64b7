// The audit log at size: a million events, paged by keyset. Against real PostgreSQL, straight
// through the list query the page uses (lib/audit/list-events.ts), one query at a time: the
// first page of the host's log against its last page (the oldest events), a rare event type,
// one account's Activity first and last page, and a search for one address. Target: a deep page
// within 2× the first (the bound); the physical floor is an index range read that does
// not grow with the table. The events are seeded through SQL: 1,000 accounts, 10,000 actors,
// a year of history.
// Run: npm run bench:audit
import { sql } from 'drizzle-orm';
import { listAuditEvents, type AuditListQuery } from '@/lib/audit/list-events';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { createTestDatabase } from '../tests/support/test-database';
import { percentile } from './support/percentile';
import { reportFigures } from './support/report';
import { ratio } from './support/timing';

const events = 1_000_000;
const tries = 30;
const warmUp = 5;

const query = (changes: Partial<AuditListQuery>): AuditListQuery => ({
  text: '',
  actorKind: null,
  targetKind: null,
  type: null,
  from: null,
  to: null,
  accountId: null,
  position: null,
  size: 50,
  ...changes,
});

async function main() {
  const cluster = await startPostgresCluster();
  const database = await createTestDatabase(cluster.url(), 'bench_audit_log');
  const { db } = database.handle;
  try {
    const seeding = performance.now();
    await db.execute(sql`
      insert into audit_events (occurred_at, event_type, actor_kind, actor_email, actor_role,
        client_address, target_kind, target_id, target_label, account_id, details)
      select now() - make_interval(secs => (${events} - n) * 31.5),
        (array['account.renamed', 'user.roleChanged', 'signIn.succeeded', 'host.renamed'])[1 + n % 4],
        'user', 'actor' || lpad((n % 10000)::text, 5, '0') || '@bench.test', 'host:admin',
        '192.0.2.' || (n % 250), 'account', (n % 1000)::text, 'Account ' || (n % 1000),
        ('00000000-0000-4000-8000-' || lpad((n % 1000)::text, 12, '0'))::uuid,
        jsonb_build_object('from', 'Old ' || n, 'to', 'New ' || n)
      from generate_series(1, ${events}) n`);
    // One rare type, spread over the year: what a filter for failures looks like.
    await db.execute(sql`
      update audit_events set event_type = 'smtp.testSent' where id % 10000 = 0`);
    await db.execute(sql`analyze audit_events`);
    const seededSeconds = (performance.now() - seeding) / 1000;

    /** Median and p95 of one page query. */
    async function time(label: string, make: () => Promise<AuditListQuery>) {
      const target = await make();
      const samples: number[] = [];
      let rows = 0;
      for (let n = 0; n < tries + warmUp; n++) {
        const started = performance.now();
        const page = await listAuditEvents(db, target);
        if (n >= warmUp) samples.push(performance.now() - started);
        rows = page.rows.length;
      }
      return { label, median: percentile(samples, 50), p95: percentile(samples, 95), rows };
    }

    /** The position of the page holding the oldest events: before the oldest one's key. */
    async function lastPage(where: ReturnType<typeof sql>) {
      const [oldest] = (await db.execute(sql`
        select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || id as key
        from audit_events where ${where} order by occurred_at, id offset 50 limit 1`)) as unknown as {
        key: string;
      }[];
      return { after: oldest!.key };
    }

    const account = '00000000-0000-4000-8000-000000000007';
    const first = await time('first page', async () => query({}));
    const last = await time('last page', async () =>
      query({ position: await lastPage(sql`true`) }),
    );
    const rare = await time('rare type, first page', async () => query({ type: 'smtp.testSent' }));
    const rareLast = await time('rare type, last page', async () =>
      query({
        type: 'smtp.testSent',
        position: await lastPage(sql`event_type = 'smtp.testSent'`),
      }),
    );
    const activity = await time('account Activity, first page', async () =>
      query({ accountId: account }),
    );
    const activityLast = await time('account Activity, last page', async () =>
      query({ accountId: account, position: await lastPage(sql`account_id = ${account}`) }),
    );
    const search = await time('search for one actor', async () =>
      query({ text: 'actor04242@bench.test' }),
    );

    const row = (figure: string, ours: number, baseline: number, target: string) => ({
      figure,
      ours: Number(ours.toFixed(2)),
      baseline: Number(baseline.toFixed(2)),
      ratio: ratio(ours, baseline),
      target,
    });
    const deep = '≤ 2 (issue 22)';
    reportFigures('audit-log', [
      row(
        `Last page vs first, ${events.toLocaleString('en')} events, median (ms)`,
        last.median,
        first.median,
        deep,
      ),
      row('  same, p95 (ms)', last.p95, first.p95, deep),
      row('Rare type: last page vs first, median (ms)', rareLast.median, rare.median, deep),
      row(
        'Account Activity: last page vs first, median (ms)',
        activityLast.median,
        activity.median,
        deep,
      ),
      row(
        'Search for one actor vs the first page, median (ms)',
        search.median,
        first.median,
        '(shown)',
      ),
      {
        figure: 'Seeding and indexing, s',
        ours: Number(seededSeconds.toFixed(1)),
        baseline: '',
        ratio: '',
        target: '(shown)',
      },
    ]);
    console.log({ first, last, rare, rareLast, activity, activityLast, search });
  } finally {
    await database.drop();
    cluster.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
