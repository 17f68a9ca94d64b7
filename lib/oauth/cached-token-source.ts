import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { smtpOauthTokens } from '@/db/schema';
import { fetchToken } from './fetch-token';
import type { OAuthSettings } from './oauth-settings';
import { openToken, sealToken, tokenSourceKey } from './sealed-token';
import { TokenUnavailableError } from './token-failure';
import type { TokenSource } from './token-source';

/** Longer than a token request may take (fetch-token.ts), so a live fetch keeps its lease. */
const leaseSeconds = 20;
/** How long a send waits for another instance's fetch before it gives up. */
const waitLimitMs = 25_000;
const pollMs = 100;

/** Renewed this long before expiry: a tenth of the lifetime, at most five minutes. */
const renewMarginSeconds = (lifetime: number) => Math.min(300, lifetime / 10);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// One fetch at a time per source within this process; the lease does it across processes.
const processWide = globalThis as typeof globalThis & {
  gatehouseTokenFlights?: Map<string, Promise<string>>;
};
const flights = (processWide.gatehouseTokenFlights ??= new Map());

async function usableToken(db: Database, source: string, refused: string | undefined) {
  const [row] = await db
    .select({
      sealed: smtpOauthTokens.tokenEncrypted,
      fresh: sql<boolean>`coalesce(${smtpOauthTokens.renewAt} > now(), false)`,
    })
    .from(smtpOauthTokens)
    .where(eq(smtpOauthTokens.source, source));
  if (!row?.sealed || !row.fresh) return null;
  const token = openToken(row.sealed);
  return token === refused ? null : token;
}

/** True when this caller now holds the right to fetch (no one else does, or their lease ran out). */
async function takeLease(db: Database, source: string): Promise<boolean> {
  const until = sql`now() + make_interval(secs => ${leaseSeconds})`;
  const taken = await db
    .insert(smtpOauthTokens)
    .values({ source, fetchingUntil: until })
    .onConflictDoUpdate({
      target: smtpOauthTokens.source,
      set: { fetchingUntil: until },
      setWhere: sql`${smtpOauthTokens.fetchingUntil} is null or ${smtpOauthTokens.fetchingUntil} < now()`,
    })
    .returning({ source: smtpOauthTokens.source });
  return taken.length > 0;
}

async function fetchUnderLease(db: Database, settings: OAuthSettings, source: string) {
  try {
    const answer = await fetchToken(settings);
    if (!answer.ok) throw new TokenUnavailableError(answer.failure);
    const lifetime = answer.expiresInSeconds;
    await db
      .update(smtpOauthTokens)
      .set({
        tokenEncrypted: sealToken(answer.token),
        expiresAt: sql`now() + make_interval(secs => ${lifetime})`,
        renewAt: sql`now() + make_interval(secs => ${lifetime - renewMarginSeconds(lifetime)})`,
        fetchedAt: sql`now()`,
        fetchingUntil: null,
      })
      .where(eq(smtpOauthTokens.source, source));
    return answer.token;
  } catch (error) {
    await db
      .update(smtpOauthTokens)
      .set({ fetchingUntil: null })
      .where(eq(smtpOauthTokens.source, source))
      .catch(() => {});
    throw error;
  }
}

async function obtain(db: Database, settings: OAuthSettings, source: string, refused?: string) {
  const deadline = Date.now() + waitLimitMs;
  for (;;) {
    const stored = await usableToken(db, source, refused);
    if (stored) return stored;
    if (await takeLease(db, source)) {
      // Another instance may have stored one between the read and the lease.
      const justStored = await usableToken(db, source, refused);
      if (justStored) {
        await db
          .update(smtpOauthTokens)
          .set({ fetchingUntil: null })
          .where(eq(smtpOauthTokens.source, source));
        return justStored;
      }
      return fetchUnderLease(db, settings, source);
    }
    if (Date.now() > deadline) {
      throw new TokenUnavailableError({
        advice: 'tokenBusy',
        values: { seconds: waitLimitMs / 1000 },
      });
    }
    await pause(pollMs);
  }
}

/**
 * Tokens shared by every instance through the database: fetched when none is usable, renewed
 * a little before expiry, and when the SMTP server refused the last one handed out. Stored
 * sealed; never logged.
 */
export function cachedTokenSource(db: Database, settings: OAuthSettings): TokenSource {
  const source = tokenSourceKey(settings);
  let lastHanded: string | undefined;
  let renewals = 0;
  return {
    get renewals() {
      return renewals;
    },
    async token(renew) {
      if (renew) renewals++;
      const refused = renew ? lastHanded : undefined;
      const flightKey = `${source}:${refused ?? ''}`;
      let flight = flights.get(flightKey);
      if (!flight) {
        flight = obtain(db, settings, source, refused).finally(() => flights.delete(flightKey));
        flights.set(flightKey, flight);
      }
      const token = await flight;
      lastHanded = token;
      return token;
    },
  };
}

/** Forgets every stored token: a saved change to the SMTP configuration starts afresh. */
export async function forgetTokens(db: Database): Promise<void> {
  await db.delete(smtpOauthTokens);
}
