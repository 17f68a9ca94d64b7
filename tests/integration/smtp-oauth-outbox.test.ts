import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/database';
import { outbox, smtpOauthTokens } from '@/db/schema';
import { cachedTokenSource } from '@/lib/oauth/cached-token-source';
import type { OAuthProvider } from '@/lib/oauth/oauth-settings';
import { drainOutbox } from '@/lib/outbox/drain-outbox';
import { enqueueEmail } from '@/lib/outbox/enqueue-email';
import { closePooledTransport } from '@/lib/outbox/pooled-transport';
import { loadSmtpConfig } from '@/lib/smtp/load-smtp-config';
import { saveOAuthSmtp } from '../support/oauth-smtp-settings';
import { startTestTokenServer, type TestTokenServer } from '../support/oauth-token-server';
import { withTestSmtpServers } from '../support/smtp-client';
import type { TestSmtpServer } from '../support/smtp-server';
import { withTestDatabase } from '../support/with-test-database';

// Every queued email signs in with the one token the instances share: fetched once, renewed
// before it expires, renewed and retried once when the server refuses it; stored sealed.

const database = withTestDatabase('smtp_oauth_outbox');
const start = withTestSmtpServers();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let tokens: TestTokenServer | undefined;
beforeAll(() => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
});
afterEach(async () => {
  closePooledTransport();
  await tokens?.close();
  tokens = undefined;
  const { db } = database().handle;
  await db.delete(outbox);
  await db.delete(smtpOauthTokens);
});

async function useOAuth(
  db: Database,
  options: {
    refusal?: 'microsoft' | 'google';
    refuseEveryToken?: boolean;
    provider?: OAuthProvider;
  } = {},
) {
  tokens = await startTestTokenServer();
  const issuer = tokens;
  const smtp = await start({
    mode: 'starttls',
    oauth: {
      accepts: (token, user) => !options.refuseEveryToken && issuer.accepts(token, user),
      refusal: options.refusal ?? 'microsoft',
    },
  });
  await saveOAuthSmtp(db, smtp, issuer, options.provider);
  return { smtp, tokens: issuer };
}

async function queue(db: Database, count: number, from = 0) {
  for (let n = from; n < from + count; n++) {
    await db.transaction((tx) =>
      enqueueEmail(tx, {
        recipient: `user${n}@example.test`,
        kind: 'invitation',
        language: 'en',
        content: { subject: `Invitation ${n}`, text: `Number ${n}`, html: `<p>${n}</p>` },
      }),
    );
  }
}

const accepted = (smtp: TestSmtpServer) => smtp.oauthLogins.filter((login) => login.accepted);

describe('the outbox signed in with OAuth2', () => {
  it.each(['microsoft', 'google', 'other'] as const)(
    'sends invitations with a %s token, in several drains, on one token',
    async (provider) => {
      const { db } = database().handle;
      const { smtp, tokens } = await useOAuth(db, { provider });
      await queue(db, 8);
      expect(await drainOutbox(db)).toMatchObject({ sent: 8, failed: 0, retrying: 0 });
      await queue(db, 4, 8);
      expect(await drainOutbox(db)).toMatchObject({ sent: 4 });
      expect(smtp.messages).toHaveLength(12);
      expect(tokens.fetches).toHaveLength(1);
      expect(new Set(accepted(smtp).map((login) => login.token)).size).toBe(1);
      expect(smtp.messages.map((message) => message.parsed.subject)).toContain('Invitation 0');
    },
  );

  it('keeps the token and the client secret sealed in the database', async () => {
    const { db } = database().handle;
    const { smtp, tokens } = await useOAuth(db);
    await queue(db, 1);
    await drainOutbox(db);
    const token = accepted(smtp)[0]!.token;
    const dump = JSON.stringify(
      await db.execute(
        sql`select (select json_agg(t) from smtp_oauth_tokens t) as tokens, (select json_agg(s) from smtp_settings s) as settings, (select json_agg(o) from outbox o) as outbox`,
      ),
    );
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(tokens.microsoft.clientSecret);
    expect((await loadSmtpConfig(db))?.oauth?.secret).toBe(tokens.microsoft.clientSecret);
  });

  it('renews a token about to expire before it is used', async () => {
    const { db } = database().handle;
    const { smtp, tokens } = await useOAuth(db);
    tokens.setLifetimeSeconds(1);
    await queue(db, 1);
    await drainOutbox(db);
    // A connection signed in stays signed in; the next one, after the token's time, renews.
    closePooledTransport();
    await pause(1100);
    await queue(db, 1, 1);
    expect(await drainOutbox(db)).toMatchObject({ sent: 1 });
    expect(tokens.fetches).toHaveLength(2);
    // Never refused: the old token was not offered once it was due for renewal.
    expect(smtp.oauthLogins.every((login) => login.accepted)).toBe(true);
  });

  it.each(['microsoft', 'google'] as const)(
    'renews a token the server refuses (%s style) and retries once, delivering',
    async (refusal) => {
      const { db } = database().handle;
      const { smtp, tokens } = await useOAuth(db, { refusal });
      await queue(db, 1);
      await drainOutbox(db);
      tokens.revokeAll();
      closePooledTransport();
      await queue(db, 1, 1);
      expect(await drainOutbox(db)).toMatchObject({ sent: 1, failed: 0, retrying: 0 });
      expect(tokens.fetches).toHaveLength(2);
      expect(smtp.oauthLogins.map((login) => login.accepted)).toEqual([true, false, true]);
      expect(smtp.messages).toHaveLength(2);
    },
  );

  it('fails once, not in a loop, when even a new token is refused', async () => {
    const { db } = database().handle;
    const { smtp, tokens } = await useOAuth(db, { refuseEveryToken: true });
    await queue(db, 1);
    expect(await drainOutbox(db)).toMatchObject({ sent: 0, failed: 1 });
    expect(smtp.oauthLogins.map((login) => login.accepted)).toEqual([false, false]);
    expect(tokens.fetches).toHaveLength(2);
    const [row] = await db.select().from(outbox);
    expect(row).toMatchObject({
      status: 'failed',
      lastError: { step: 'auth', advice: 'tokenRefusedByExchange' },
    });
  });

  it('waits and retries when no token can be had, saying why', async () => {
    const { db } = database().handle;
    const { tokens } = await useOAuth(db);
    tokens.setFault('expired-client-secret');
    await queue(db, 1);
    expect(await drainOutbox(db)).toMatchObject({ sent: 0, retrying: 1 });
    const [row] = await db.select().from(outbox);
    expect(row).toMatchObject({
      status: 'queued',
      lastError: { step: 'token', advice: 'clientSecretExpired', code: 'AADSTS7000222' },
    });
  });

  it('renews within a day a token that claims to live far longer', async () => {
    const { db } = database().handle;
    const { smtp, tokens } = await useOAuth(db);
    tokens.setLifetimeSeconds(10 ** 12);
    await queue(db, 1);
    expect(await drainOutbox(db)).toMatchObject({ sent: 1 });
    expect(smtp.messages).toHaveLength(1);
    const [row] = await db
      .select({ withinADay: sql<boolean>`${smtpOauthTokens.renewAt} <= now() + interval '1 day'` })
      .from(smtpOauthTokens);
    expect(row?.withinADay).toBe(true);
  });

  it('fetches once for many concurrent senders on separate connections', async () => {
    const { db } = database().handle;
    const { tokens } = await useOAuth(db);
    const oauth = (await loadSmtpConfig(db))!.oauth!;
    const got = await Promise.all(
      Array.from({ length: 12 }, () => cachedTokenSource(db, oauth).token(false)),
    );
    expect(new Set(got).size).toBe(1);
    expect(tokens.fetches).toHaveLength(1);
  });
});
