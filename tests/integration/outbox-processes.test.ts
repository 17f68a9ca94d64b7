import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/database';
import { outbox, smtpSettings } from '@/db/schema';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { saveOAuthSmtp } from '../support/oauth-smtp-settings';
import { startTestTokenServer } from '../support/oauth-token-server';
import { credentials, withTestSmtpServers } from '../support/smtp-client';
import type { TestSmtpServer } from '../support/smtp-server';
import { withTestDatabase } from '../support/with-test-database';
import { testSmtpSettings } from '../support/test-smtp-settings';

// Real sender processes (npm run outbox:drain) against one database and one SMTP server.

const database = withTestDatabase('outbox_processes');
const start = withTestSmtpServers();
const secret = 'integration-test-secret-0123456789-abcdefghij';

function drainProcess(leaseMs = 120_000): { child: ChildProcess; done: Promise<string> } {
  const child = spawn(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      path.resolve('scripts/drain-outbox.ts'),
      '--lease-ms',
      String(leaseMs),
      '--batch-size',
      '25',
    ],
    {
      env: { ...process.env, DATABASE_URL: database().url, APP_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const done = new Promise<string>((resolve) => child.once('exit', () => resolve(output)));
  return { child, done };
}

async function configure(db: Database, server: TestSmtpServer) {
  await db.delete(smtpSettings);
  await db
    .insert(smtpSettings)
    .values(testSmtpSettings(server, { credentials: credentials, appSecret: secret }));
}

async function queue(db: Database, count: number) {
  const rows = Array.from({ length: count }, (_, n) => ({
    recipient: `user${n}@example.test`,
    kind: 'invitation',
    language: 'en' as const,
    payloadEncrypted: encryptSecret(
      JSON.stringify({ subject: `Email ${n}`, text: `Number ${n}`, html: `<p>${n}</p>` }),
      { secret, purpose: 'outbox-payload' },
    ),
  }));
  for (let i = 0; i < rows.length; i += 100) await db.insert(outbox).values(rows.slice(i, i + 100));
}

beforeAll(() => {
  process.env.APP_SECRET = secret;
});

describe('sender processes', () => {
  it('two processes draining 500 emails together deliver each exactly once', async () => {
    const { db } = database().handle;
    const server = await start({ mode: 'tls', auth: credentials });
    await configure(db, server);
    await queue(db, 500);
    const outputs = await Promise.all([drainProcess().done, drainProcess().done]);
    const results = outputs.map((output) => JSON.parse(output.trim().split('\n').pop()!));
    expect(results[0].sent + results[1].sent).toBe(500);
    // Both really took part.
    expect(results[0].sent).toBeGreaterThan(0);
    expect(results[1].sent).toBeGreaterThan(0);
    const subjects = server.messages.map((message) => message.parsed.subject);
    expect(subjects).toHaveLength(500);
    expect(new Set(subjects).size).toBe(500);
    await db.delete(outbox);
  }, 120_000);

  it('a sender killed mid-batch: the other delivers its claimed emails after the lease', async () => {
    const { db } = database().handle;
    const server = await start({ mode: 'tls', auth: credentials, fault: 'stall-at-mail-from' });
    await configure(db, server);
    await queue(db, 30);
    const first = drainProcess(3_000);
    // Wait until it has claimed a batch and hangs on the server, then kill it outright.
    await expect
      .poll(
        async () =>
          (
            await db
              .select({ n: sql<number>`count(*)::int` })
              .from(outbox)
              .where(sql`status = 'sending'`)
          )[0]!.n,
        {
          timeout: 20_000,
        },
      )
      .toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await first.done;
    server.setFault(null);

    // Before the lease runs out the claimed rows are left alone…
    const early = JSON.parse((await drainProcess().done).trim().split('\n').pop()!);
    expect(early.sent).toBeLessThan(30);
    // …and after it they are taken over.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const late = JSON.parse((await drainProcess().done).trim().split('\n').pop()!);
    expect(early.sent + late.sent).toBe(30);
    const subjects = server.messages.map((message) => message.parsed.subject);
    expect(new Set(subjects).size).toBe(30);
    expect(subjects).toHaveLength(30);
  }, 120_000);

  it('three processes signing in with OAuth2 share one token: one fetch for all', async () => {
    const { db } = database().handle;
    const tokens = await startTestTokenServer();
    try {
      const server = await start({
        mode: 'starttls',
        oauth: { accepts: (token, user) => tokens.accepts(token, user), refusal: 'microsoft' },
      });
      await saveOAuthSmtp(db, server, tokens);
      await queue(db, 90);
      const outputs = await Promise.all([
        drainProcess().done,
        drainProcess().done,
        drainProcess().done,
      ]);
      const results = outputs.map((output) => JSON.parse(output.trim().split('\n').pop()!));
      expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(90);
      expect(server.messages).toHaveLength(90);
      // Each process signed in on its own connections, all with the one token.
      expect(tokens.fetches).toHaveLength(1);
      expect(new Set(server.oauthLogins.map((login) => login.token)).size).toBe(1);
      expect(server.oauthLogins.length).toBeGreaterThan(1);
      await db.delete(outbox);
    } finally {
      await tokens.close();
    }
  }, 120_000);
});
