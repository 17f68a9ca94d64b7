import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from './schema';
import type { Database, DatabaseHandle } from './database';

/** `host:port/name` of a postgres:// URL, without the credentials, for messages. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    return `${host}:${parsed.port || '5432'}${parsed.pathname || '/'}`;
  } catch {
    return 'the address in DATABASE_URL';
  }
}

export function openPostgres(
  url: string,
  options: { maxConnections?: number } = {},
): DatabaseHandle {
  const connect = () =>
    postgres(url, {
      max: options.maxConnections ?? 10,
      connect_timeout: 10,
      // Migrations and IF NOT EXISTS statements raise NOTICEs that are not worth a log line.
      onnotice: () => {},
      // Our statements read a page or count up to a cap: JIT compiling them (PostgreSQL starts
      // at a planner cost they reach on a large instance) took longer than running them.
      connection: { jit: 'off' },
    });
  let client = connect();
  // Drizzle talks to whichever client is current, so renewing the pool needs no new `db`.
  const current = new Proxy(client, {
    get: (_, property) => {
      const value: unknown = Reflect.get(client, property);
      return typeof value === 'function' ? value.bind(client) : value;
    },
    apply: (_, self, args) => Reflect.apply(client, self, args),
  });
  const db = drizzle({ client: current, schema, casing: 'snake_case' }) as unknown as Database;
  // Drizzle tuned the first client's type parsers as it wrapped it; a new client gets the same.
  const { parsers, serializers } = client.options;
  return {
    db,
    driver: 'postgres',
    location: describePostgresUrl(url),
    close: () => client.end({ timeout: 5 }),
    async renewConnections() {
      const old = client;
      client = connect();
      Object.assign(client.options.parsers, parsers);
      Object.assign(client.options.serializers, serializers);
      await old.end({ timeout: 5 });
    },
  };
}
