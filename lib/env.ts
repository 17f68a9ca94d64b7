import path from 'node:path';

// Every environment variable the app reads, in one place (documented in .env.example).

/** Folder for embedded PostgreSQL and the generated secret; `.data/` beside the app by default. */
export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.DATA_DIR || '.data');
}

/** A real PostgreSQL server when set; embedded PostgreSQL (PGlite) in `dataDir()` otherwise. */
export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}
