// SMTP sign-in with OAuth2 vs with a password: one message on a new connection each (AUTH every
// time, as a test email or a fresh outbox connection signs in), through the app's own transport
// (lib/smtp/create-transport.ts) to the same in-process SMTP server, alternating one at a time.
// The OAuth2 sends take the token from the shared cache (a database read per sign-in, PostgreSQL
// on a throwaway cluster), as the outbox does. Target: ratio ≤ 1.1. The first send's token
// fetch from the (in-process) token server is shown separately: it happens once an hour.
// Run: npm run bench:smtp-oauth
import { cachedTokenSource } from '@/lib/oauth/cached-token-source';
import type { OAuthSettings } from '@/lib/oauth/oauth-settings';
import { createSmtpTransport } from '@/lib/smtp/create-transport';
import type { SmtpConfig } from '@/lib/smtp/smtp-config';
import { startTestTokenServer } from '../tests/support/oauth-token-server';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { startTestSmtpServer } from '../tests/support/smtp-server';
import { createTestDatabase } from '../tests/support/test-database';
import { benchSecret } from './support/bench-app';
import { percentile } from './support/percentile';
import { reportFigures } from './support/report';
import { ratio } from './support/timing';

const tries = 60;
const warmUp = 5;
const mailbox = 'noreply@nordlicht.test';
const password = { user: mailbox, pass: 'bench password' };
const message = {
  from: `Nordlicht <${mailbox}>`,
  subject: 'Invitation',
  text: 'Accept your invitation: https://gatehouse.test/invite/1',
  html: '<p><a href="https://gatehouse.test/invite/1">Accept your invitation</a></p>',
};

async function main() {
  process.env.APP_SECRET = benchSecret;
  const cluster = await startPostgresCluster();
  const database = await createTestDatabase(cluster.url(), 'bench_oauth');
  const tokens = await startTestTokenServer();
  const smtp = await startTestSmtpServer({
    mode: 'starttls',
    auth: password,
    oauth: { accepts: (token, user) => tokens.accepts(token, user), refusal: 'microsoft' },
  });
  try {
    const server = {
      host: smtp.host,
      port: smtp.port,
      senderName: 'Nordlicht',
      senderEmail: mailbox,
      ssl: false,
      starttls: true,
      auth: true,
      username: mailbox,
      caPem: smtp.caPem,
    };
    const withPassword: SmtpConfig = { ...server, password: password.pass };
    const oauth: OAuthSettings = {
      provider: 'microsoft',
      tenant: tokens.microsoft.tenant,
      authority: tokens.url,
      clientId: tokens.microsoft.clientId,
      tokenUrl: null,
      scope: null,
      secret: tokens.microsoft.clientSecret,
      mailbox,
    };
    const withToken: SmtpConfig = { ...server, password: null, oauth };

    let sequence = 0;
    async function send(config: SmtpConfig): Promise<number> {
      const started = performance.now();
      const source = config.oauth ? cachedTokenSource(database.handle.db, config.oauth) : undefined;
      const transport = createSmtpTransport(config, {}, source);
      try {
        const info = await transport.sendMail({ ...message, to: `user${sequence++}@example.test` });
        if (!info.response.startsWith('250')) throw new Error(`send: ${info.response}`);
      } finally {
        transport.close();
      }
      return performance.now() - started;
    }

    // The first OAuth2 send: the cache is empty, so it includes the token request.
    const firstMs = await send(withToken);
    if (tokens.fetches.length !== 1) throw new Error('the first send did not fetch a token');

    const samples = { token: [] as number[], password: [] as number[] };
    for (let n = 0; n < tries + warmUp; n++) {
      const order = n % 2 ? (['password', 'token'] as const) : (['token', 'password'] as const);
      for (const which of order) {
        const ms = await send(which === 'token' ? withToken : withPassword);
        if (n >= warmUp) samples[which].push(ms);
      }
    }
    if (tokens.fetches.length !== 1) {
      throw new Error(`the cached sends fetched ${tokens.fetches.length - 1} more tokens`);
    }

    const tokenMs = percentile(samples.token, 50);
    const passwordMs = percentile(samples.password, 50);
    reportFigures('smtp-oauth', [
      {
        figure: `Send signed in with a cached OAuth2 token vs a password, median of ${tries} (ms)`,
        ours: Number(tokenMs.toFixed(1)),
        baseline: Number(passwordMs.toFixed(1)),
        ratio: ratio(tokenMs, passwordMs),
        target: '≤ 1.1',
      },
      {
        figure: 'First OAuth2 send, with its token request (ms; once per token lifetime)',
        ours: Number(firstMs.toFixed(1)),
        baseline: Number(passwordMs.toFixed(1)),
        ratio: ratio(firstMs, passwordMs),
        target: 'shown, no target',
      },
    ]);
  } finally {
    await smtp.close();
    await tokens.close();
    await database.drop();
    cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
