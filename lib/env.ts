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

/**
 * Whether this runs on a serverless platform (Vercel sets `VERCEL=1`): no disk that lasts, so
 * no embedded PostgreSQL and no generated secret, and migrations are a deploy step.
 */
export function isServerless(): boolean {
  return process.env.VERCEL === '1';
}

/** Whether this is a preview deployment of a Vercel-style platform (`VERCEL_ENV=preview`). */
export function isPreviewDeployment(): boolean {
  return process.env.VERCEL_ENV === 'preview';
}

/**
 * `MAIL_ALLOWLIST` as written (lib/mail/allowlist.ts parses it): the only addresses this
 * deployment emails. Unset or blank: no allow-list, except on a preview deployment.
 */
export function mailAllowlistSetting(): string | undefined {
  const value = process.env.MAIL_ALLOWLIST?.trim();
  return value ? value : undefined;
}
