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
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    connect_timeout: 10,
    // Migrations and IF NOT EXISTS statements raise NOTICEs that are not worth a log line.
    onnotice: () => {},
  });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    location: describePostgresUrl(url),
    close: () => client.end({ timeout: 5 }),
  };
}
