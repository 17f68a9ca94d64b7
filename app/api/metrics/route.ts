// GET /api/metrics: Prometheus text format, for a scraper carrying
// `Authorization: Bearer <METRICS_TOKEN>`. Off (404) while METRICS_TOKEN is unset.
import { Gauge } from 'prom-client';
import { getDb } from '@/lib/database/configured-database';
import { isDatabaseUnreachable } from '@/lib/errors/database-unreachable';
import { metricsTokenSetting } from '@/lib/env';
import { readOutboxFigures } from '@/lib/metrics/outbox-figures';
import { metrics } from '@/lib/metrics/registry';
import { carriesMetricsToken } from '@/lib/security/cron-secret';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/** The database's figures, as gauges set at each scrape (registered once per process). */
function outboxGauges() {
  const { registry } = metrics();
  const existing = registry.getSingleMetric('gatehouse_outbox_emails');
  const emails =
    (existing as Gauge<'status'> | undefined) ??
    new Gauge({
      name: 'gatehouse_outbox_emails',
      help: 'Emails in the outbox by status (read from the database: the same on every instance).',
      labelNames: ['status'],
      registers: [registry],
    });
  const oldest =
    (registry.getSingleMetric('gatehouse_outbox_oldest_waiting_seconds') as Gauge | undefined) ??
    new Gauge({
      name: 'gatehouse_outbox_oldest_waiting_seconds',
      help: 'How long the oldest email still waiting to go out has waited (0: none waits).',
      registers: [registry],
    });
  const up =
    (registry.getSingleMetric('gatehouse_database_up') as Gauge | undefined) ??
    new Gauge({
      name: 'gatehouse_database_up',
      help: 'Whether the database answered this scrape (1) or not (0).',
      registers: [registry],
    });
  return { emails, oldest, up };
}

export async function GET(request: Request): Promise<Response> {
  if (!metricsTokenSetting()) {
    return new Response('metrics are off: set METRICS_TOKEN to turn them on\n', {
      status: 404,
      headers: noStore,
    });
  }
  if (!carriesMetricsToken(request)) {
    return new Response('unauthorized\n', {
      status: 401,
      headers: { ...noStore, 'www-authenticate': 'Bearer' },
    });
  }
  const gauges = outboxGauges();
  try {
    const figures = await readOutboxFigures(await getDb());
    for (const [status, count] of Object.entries(figures.byStatus)) {
      gauges.emails.set({ status }, count);
    }
    gauges.oldest.set(figures.oldestWaitingSeconds);
    gauges.up.set(1);
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    // The process's own figures still answer; the database's say they are missing.
    gauges.emails.reset();
    gauges.oldest.reset();
    gauges.up.set(0);
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { ...noStore, 'content-type': registry.contentType },
  });
}
