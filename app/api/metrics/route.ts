// GET /api/metrics: Prometheus text format, for a scraper carrying
// `Authorization: Bearer <METRICS_TOKEN>`. Off (404) while METRICS_TOKEN is unset.
import { Gauge } from 'prom-client';
import { getDb } from '@/lib/database/configured-database';
import { isDatabaseUnreachable } from '@/lib/errors/database-unreachable';
import { metricsTokenSetting } from '@/lib/env';
import { readOutboxFigures } from '@/lib/metrics/outbox-figures';
import { metrics } from '@/lib/metrics/registry';
import { carriesMetricsToken } from '@/lib/security/cron-secret';
import { readCertificateInForce } from '@/lib/smtp/server-certificate';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/** A gauge of the registry, made the first time (a route module may load more than once). */
function gauge(name: string, help: string, labelNames: string[] = []): Gauge {
  const { registry } = metrics();
  return (
    (registry.getSingleMetric(name) as Gauge | undefined) ??
    new Gauge({ name, help, labelNames, registers: [registry] })
  );
}

/** The database's figures, as gauges set at each scrape. */
function outboxGauges() {
  return {
    emails: gauge(
      'gatehouse_outbox_emails',
      'Emails in the outbox by status (read from the database: the same on every instance).',
      ['status'],
    ),
    oldest: gauge(
      'gatehouse_outbox_oldest_waiting_seconds',
      'How long the oldest email still waiting to go out has waited (0: none waits).',
    ),
    up: gauge('gatehouse_database_up', 'Whether the database answered this scrape (1) or not (0).'),
    certificate: gauge(
      'gatehouse_smtp_certificate_expiry_timestamp_seconds',
      "When the SMTP server's certificate expires, as last seen there (absent: none seen, or SMTP off).",
    ),
  };
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
    const db = await getDb();
    const [figures, certificate] = await Promise.all([
      readOutboxFigures(db),
      readCertificateInForce(db),
    ]);
    for (const [status, count] of Object.entries(figures.byStatus)) {
      gauges.emails.set({ status }, count);
    }
    gauges.oldest.set(figures.oldestWaitingSeconds);
    if (certificate) gauges.certificate.set(Math.floor(certificate.validTo.getTime() / 1000));
    else gauges.certificate.reset();
    gauges.up.set(1);
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    // The process's own figures still answer; the database's say they are missing.
    gauges.emails.reset();
    gauges.oldest.reset();
    gauges.certificate.reset();
    gauges.up.set(0);
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { ...noStore, 'content-type': registry.contentType },
  });
}
