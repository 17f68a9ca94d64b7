// The audit log's CSV export at size: 100,000 events streamed the way the Export link streams
// them (lib/audit/list-events.ts auditEventBatches → lib/audit/audit-csv.ts csvStream, with the
// names and summaries in English through the same functions the route uses), against real
// PostgreSQL, read to the end by a consumer that keeps nothing. Baseline: an export of 10,000
// of the same events, in the same run. Time should grow with the rows (×10 is linear); peak
// memory above what the process held before must not (×1 is constant: one batch at a time).
// Run: npm run bench:audit-export
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
// use-intl's core: next-intl's own entry pulls in React's client parts under react-server.
import { createTranslator } from 'use-intl/core';
import { eventTypeName, summaryOf } from '@/components/audit/event-summary';
import { auditCsvFields, csvStream } from '@/lib/audit/audit-csv';
import { auditEventBatches, type AuditListQuery } from '@/lib/audit/list-events';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { createTestDatabase } from '../tests/support/test-database';
import { reportFigures } from './support/report';
import { ratio } from './support/timing';

const events = 100_000;
const baselineEvents = 10_000;
const rounds = 3;

const filters = (accountId: string | null): Omit<AuditListQuery, 'position' | 'size'> => ({
  text: '',
  actorKind: null,
  targetKind: null,
  type: null,
  from: null,
  to: null,
  accountId,
});

const messages = JSON.parse(readFileSync('messages/en.json', 'utf8')) as Record<string, unknown>;
const t = createTranslator({ locale: 'en', messages, namespace: 'audit' }) as unknown as Parameters<
  typeof summaryOf
>[1];

const mb = (value: number) => value / 1024 / 1024;

/** The time `work` takes, and the peak heap and RSS above the start while it runs (5 ms samples). */
async function measure(work: (onChunk: () => void) => Promise<number>) {
  global.gc?.();
  const start = process.memoryUsage();
  let heapPeak = start.heapUsed;
  let rssPeak = start.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed);
    rssPeak = Math.max(rssPeak, now.rss);
  }, 5);
  const started = performance.now();
  const bytes = await work(() => {});
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { ms, bytes, heapMb: mb(heapPeak - start.heapUsed), rssMb: mb(rssPeak - start.rss) };
}

/**
 * What the export holds alive: the heap right after a full collection, every tenth batch, at
 * its highest, above the start. The peak above counts garbage the collector had not yet taken,
 * which grows with the allocation rate; this does not.
 */
async function liveHeap(work: (onChunk: () => void) => Promise<number>): Promise<number> {
  if (!global.gc) throw new Error('run with --expose-gc');
  global.gc();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  let chunks = 0;
  await work(() => {
    if (++chunks % 10 !== 0) return;
    global.gc!();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  });
  return mb(peak - start);
}

async function main() {
  const cluster = await startPostgresCluster();
  const database = await createTestDatabase(cluster.url(), 'bench_audit_export');
  const { db } = database.handle;
  const oneAccount = '00000000-0000-4000-8000-000000000001';
  try {
    // Every tenth event in one account: the baseline exports that account's Activity.
    await db.execute(sql`
      insert into audit_events (occurred_at, event_type, actor_kind, actor_email, actor_role,
        client_address, user_agent, target_kind, target_id, target_label, account_id, details)
      select now() - make_interval(secs => (${events} - n) * 60),
        (array['account.renamed', 'user.roleChanged', 'signIn.failed', 'host.renamed'])[1 + n % 4],
        'user', 'actor' || lpad((n % 10000)::text, 5, '0') || '@bench.test', 'host:admin',
        '192.0.2.' || (n % 250), 'Mozilla/5.0 (X11; Linux x86_64) Bench/' || n, 'account',
        (n % 1000)::text, 'Account, "' || (n % 1000) || '"',
        ('00000000-0000-4000-8000-' || lpad((n % 10)::text, 12, '0'))::uuid,
        jsonb_build_object('from', 'Old ' || n, 'to', 'New ' || n, 'reason', 'wrongPassword',
          'throttled', false, 'scope', 'host')
      from generate_series(1, ${events}) n`);
    await db.execute(sql`analyze audit_events`);

    async function exportAll(accountId: string | null, onChunk: () => void): Promise<number> {
      async function* lines() {
        for await (const batch of auditEventBatches(db, filters(accountId))) {
          yield batch.map((row) =>
            auditCsvFields(row, { event: eventTypeName(row.type, t), summary: summaryOf(row, t) }),
          );
        }
      }
      const reader = csvStream(['header'], lines()).getReader();
      let bytes = 0;
      for (;;) {
        const next = await reader.read();
        if (next.done) return bytes;
        bytes += next.value.byteLength;
        onChunk();
      }
    }

    type Run = Awaited<ReturnType<typeof measure>>;
    const runs: { small: Run[]; large: Run[] } = { small: [], large: [] };
    await exportAll(oneAccount, () => {}); // warm-up: JIT and the database's cache
    for (let round = 0; round < rounds; round++) {
      runs.small.push(await measure((onChunk) => exportAll(oneAccount, onChunk)));
      runs.large.push(await measure((onChunk) => exportAll(null, onChunk)));
    }
    const live = {
      small: await liveHeap((onChunk) => exportAll(oneAccount, onChunk)),
      large: await liveHeap((onChunk) => exportAll(null, onChunk)),
    };
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const figure = (pick: (run: Run) => number) => ({
      small: median(runs.small.map(pick)),
      large: median(runs.large.map(pick)),
    });
    const time = figure((run) => run.ms);
    const heap = figure((run) => run.heapMb);
    const rss = figure((run) => run.rssMb);
    const size = figure((run) => run.bytes / 1024 / 1024);
    const row = (label: string, values: { small: number; large: number }, target: string) => ({
      figure: label,
      ours: Number(values.large.toFixed(1)),
      baseline: Number(values.small.toFixed(1)),
      ratio: ratio(values.large, values.small),
      target,
    });
    const scale = `${events.toLocaleString('en')} vs ${baselineEvents.toLocaleString('en')} events`;
    reportFigures('audit-export', [
      row(`CSV export, ${scale}: time (ms)`, time, '≈ 10 (linear)'),
      row('  live heap at its highest, above the start (MB)', live, '≈ 1 (constant, issue 22)'),
      row('  peak heap above the start, garbage included (MB)', heap, '(shown)'),
      // The process's RSS only grows when V8 takes more pages: often not at all for the small one.
      {
        figure: '  peak RSS above the start (MB)',
        ours: Number(rss.large.toFixed(1)),
        baseline: Number(rss.small.toFixed(1)),
        ratio: '',
        target: '(shown)',
      },
      row('  CSV size (MB)', size, '10 (shown)'),
    ]);
    console.log({ runs, live });
  } finally {
    await database.drop();
    cluster.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
