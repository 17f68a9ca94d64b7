import { expect, test } from '@playwright/test';
import { outbox, smtpServerCertificate } from '@/db/schema';
import { setUnreachableSmtp } from '../support/test-smtp-settings';
import { signInOverHttp } from '../support/credentials-sign-in';
import { uniqueEmail } from '../support/e2e-users';
import { startOwnInstance, startSecondInstance } from '../support/own-instance';

// GET /api/metrics: Prometheus text for a scraper with METRICS_TOKEN; off without it. The
// outbox figures come from the database, so two instances report the same; a process's own
// counters count what it did, and no label ever holds an address.

const token = 'metrics-token-of-the-e2e-scrape-0123456789';
const scrape = (url: string, authorization?: string) =>
  fetch(`${url}/api/metrics`, { headers: authorization ? { authorization } : {} });

/** The value of one sample line (`name{labels} value`), or undefined when it is missing. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test('a scrape needs the token, counts what happened, and two instances agree on the outbox', async () => {
  const first = await startOwnInstance('metrics', { METRICS_TOKEN: token });
  try {
    expect((await scrape(first.url)).status).toBe(401);
    expect((await scrape(first.url, 'Bearer not-the-token')).status).toBe(401);

    await first.database.db.insert(outbox).values(
      ['queued', 'queued', 'failed'].map((status) => ({
        recipient: uniqueEmail('metric'),
        kind: 'invitation',
        language: 'en' as const,
        status: status as 'queued' | 'failed',
        nextAttemptAt: new Date(Date.now() + 3_600_000),
        createdAt: new Date(Date.now() - 90_000),
      })),
    );
    const secret = uniqueEmail('never-in-a-label');
    expect(await signInOverHttp(first.url, { email: secret, password: 'not the password 1' })).toBe(
      'invalid',
    );

    // The certificate last seen at the SMTP server in force (smtp.invalid:587), for an alert.
    await setUnreachableSmtp(first.database.db, true);
    const certificateExpiry = new Date('2027-01-15T12:00:00Z');
    await first.database.db.insert(smtpServerCertificate).values({
      host: 'smtp.invalid',
      port: 587,
      subject: 'CN=smtp.invalid',
      fingerprint256: 'AB',
      validTo: certificateExpiry,
    });

    const inviteToken = 'Qm9ndXMtaW52aXRhdGlvbi10b2tlbi1mb3ItbWV0cmljcw';
    await (await fetch(`${first.url}/invite/${inviteToken}`)).arrayBuffer();

    const answer = await scrape(first.url, `Bearer ${token}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/plain');
    const text = await answer.text();
    expect(sample(text, 'gatehouse_outbox_emails{status="queued"}')).toBe(2);
    expect(sample(text, 'gatehouse_outbox_emails{status="failed"}')).toBe(1);
    expect(sample(text, 'gatehouse_outbox_emails{status="sent"}')).toBe(0);
    expect(sample(text, 'gatehouse_outbox_oldest_waiting_seconds')).toBeGreaterThanOrEqual(90);
    expect(sample(text, 'gatehouse_database_up')).toBe(1);
    expect(sample(text, 'gatehouse_smtp_certificate_expiry_timestamp_seconds')).toBe(
      certificateExpiry.getTime() / 1000,
    );
    expect(
      sample(text, 'gatehouse_sign_in_attempts_total{step="password",outcome="invalid"}'),
    ).toBe(1);
    expect(sample(text, 'gatehouse_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).not.toContain(secret);
    // Requests by route pattern: a token in the path is never a label.
    expect(
      sample(
        text,
        'gatehouse_http_request_duration_seconds_count{route="/api/auth/[...nextauth]",method="GET",status="200"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(
        text,
        'gatehouse_http_request_duration_seconds_count{route="/invite/[token]",method="GET",status="200"}',
      ),
    ).toBe(1);
    expect(text).not.toContain(inviteToken);

    const second = await startSecondInstance(first, 'metrics-second', { METRICS_TOKEN: token });
    try {
      const other = await (await scrape(second.url, `Bearer ${token}`)).text();
      for (const status of ['queued', 'failed', 'sent']) {
        const series = `gatehouse_outbox_emails{status="${status}"}`;
        expect(sample(other, series), series).toBe(sample(text, series));
      }
      expect(sample(other, 'gatehouse_smtp_certificate_expiry_timestamp_seconds')).toBe(
        certificateExpiry.getTime() / 1000,
      );
      // Its own counters are its own: it saw no sign-in.
      expect(
        sample(other, 'gatehouse_sign_in_attempts_total{step="password",outcome="invalid"}'),
      ).toBeUndefined();
    } finally {
      await second.stop();
    }
  } finally {
    await first.stop();
  }
});

test('without METRICS_TOKEN the endpoint is off', async () => {
  const instance = await startOwnInstance('metrics_off');
  try {
    const answer = await scrape(instance.url, 'Bearer anything');
    expect(answer.status).toBe(404);
    expect(await answer.text()).toContain('set METRICS_TOKEN');
  } finally {
    await instance.stop();
  }
});
