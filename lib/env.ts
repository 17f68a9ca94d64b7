import { readFileSync } from 'node:fs';
import path from 'node:path';

// Every environment variable the app reads, in one place (documented in .env.example). Read
// elsewhere only: NODE_ENV and NEXT_RUNTIME, which Next inlines at build time (proxy.ts,
// instrumentation.ts), and what the plain-Node scripts (scripts/*.mjs) read before any
// TypeScript loads: PORT and PROXY_HOPS in scripts/serve.mjs, which shares its parser,
// lib/auth/forwarded-for.mjs, with lib/auth/client-address.ts.

/** A setting that cannot be used as written; its message names the variable and what to do. */
export class SettingError extends Error {}

/**
 * A secret: `NAME`, or the contents of the file `NAME_FILE` names (how Docker and Kubernetes
 * hand secrets over), without its trailing line break. Setting both is refused rather than
 * guessing which one was meant; a file that cannot be read or is empty is refused by name.
 */
function secretSetting(name: string): string | undefined {
  const direct = process.env[name];
  const file = process.env[`${name}_FILE`]?.trim();
  if (!file) return direct || undefined;
  if (direct) throw new SettingError(`${name} and ${name}_FILE are both set; keep one of them`);
  let contents: string;
  try {
    contents = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new SettingError(`${name}_FILE names ${file}, which cannot be read (${code})`);
  }
  const value = contents.replace(/\r?\n$/, '');
  if (!value) throw new SettingError(`${name}_FILE names ${file}, which is empty`);
  return value;
}

/** Folder for embedded PostgreSQL and the generated secret; `.data/` beside the app by default. */
export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.DATA_DIR || '.data');
}

/**
 * A real PostgreSQL server when set (or `DATABASE_URL_FILE`: it holds a password); embedded
 * PostgreSQL (PGlite) in `dataDir()` otherwise.
 */
export function databaseUrl(): string | undefined {
  const url = secretSetting('DATABASE_URL')?.trim();
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

/** `APP_SECRET` (or `APP_SECRET_FILE`), trimmed (lib/secret/app-secret.ts checks its length). */
export function appSecretSetting(): string | undefined {
  return secretSetting('APP_SECRET')?.trim() || undefined;
}

/** `CRON_SECRET` (or `CRON_SECRET_FILE`): the bearer /api/cron/outbox and health's detail need. */
export function cronSecretSetting(): string | undefined {
  return secretSetting('CRON_SECRET');
}

/** `METRICS_TOKEN` (or `METRICS_TOKEN_FILE`): the bearer a Prometheus scrape of /api/metrics carries. */
export function metricsTokenSetting(): string | undefined {
  return secretSetting('METRICS_TOKEN');
}

/**
 * The SMTP configuration variables, by name, as written (lib/smtp/environment-smtp.ts parses
 * them); unset or blank ones are left out. The secrets among them, and the CA certificate
 * (a PEM is awkward in a variable), may also come from `NAME_FILE`.
 */
export function smtpEnvironmentSettings(): Partial<Record<SmtpVariable, string>> {
  const settings: Partial<Record<SmtpVariable, string>> = {};
  for (const name of smtpVariables) {
    const value = smtpFileVariables.has(name) ? secretSetting(name) : process.env[name]?.trim();
    if (value) settings[name] = value;
  }
  return settings;
}

/** Which of `NAME` and `NAME_FILE` holds an SMTP secret, for the page to name the right one. */
export function smtpVariableSource(name: SmtpVariable): string {
  return smtpFileVariables.has(name) && process.env[`${name}_FILE`]?.trim() ? `${name}_FILE` : name;
}

/** The SMTP variables (and file names) as written: what changes when any of them does. */
export function smtpEnvironmentFingerprint(): string {
  return smtpVariables
    .flatMap((name) => [process.env[name] ?? '', process.env[`${name}_FILE`] ?? ''])
    .join('\0');
}

/** Every variable that sets SMTP; each wins over what the console saved. */
export const smtpVariables = [
  'SMTP_ENABLED',
  'SMTP_HOST',
  'SMTP_PORT',
  'SMTP_SECURITY',
  'SMTP_SENDER_NAME',
  'SMTP_SENDER_EMAIL',
  'SMTP_USERNAME',
  'SMTP_PASSWORD',
  'SMTP_OAUTH_PROVIDER',
  'SMTP_OAUTH_TENANT',
  'SMTP_OAUTH_AUTHORITY',
  'SMTP_OAUTH_CLIENT_ID',
  'SMTP_OAUTH_CLIENT_SECRET',
  'SMTP_OAUTH_TOKEN_URL',
  'SMTP_OAUTH_SCOPE',
  'SMTP_OAUTH_KEY_JSON',
  'SMTP_CA_PEM',
] as const;
export type SmtpVariable = (typeof smtpVariables)[number];

const smtpFileVariables = new Set<SmtpVariable>([
  'SMTP_PASSWORD',
  'SMTP_OAUTH_CLIENT_SECRET',
  'SMTP_OAUTH_KEY_JSON',
  'SMTP_CA_PEM',
]);

/** `EMAIL_ALERT_AFTER_SECONDS` as written: how long email fails before the banner says so. */
export function emailAlertAfterSetting(): string | undefined {
  return process.env.EMAIL_ALERT_AFTER_SECONDS?.trim() || undefined;
}

/**
 * How the app logs (lib/log/create-logger.mjs): `LOG_FORMAT` (json | pretty) and `LOG_LEVEL`
 * as written, and whether this is `next dev` (pretty by default) or a terminal.
 */
export function logSettings() {
  return {
    format: process.env.LOG_FORMAT?.trim().toLowerCase() || undefined,
    level: process.env.LOG_LEVEL?.trim().toLowerCase() || undefined,
    development: process.env.NODE_ENV === 'development',
    terminal: Boolean(process.stdout.isTTY),
  };
}

/** `SESSION_IDLE_HOURS` and `SESSION_MAX_DAYS` as written (lib/auth/session-limits.ts). */
export function sessionLimitSettings(): { idleHours?: string; maxDays?: string } {
  return { idleHours: process.env.SESSION_IDLE_HOURS, maxDays: process.env.SESSION_MAX_DAYS };
}

/** `PROXY_HOPS` as written: how many proxies in front are trusted (lib/auth/forwarded-for.mjs). */
export function proxyHopsSetting(): string | undefined {
  return process.env.PROXY_HOPS;
}

/** What the base URL is made from (lib/urls.ts): APP_URL, the platform's URLs, PORT. */
export function deploymentUrlSettings() {
  const env = process.env;
  return {
    appUrl: env.APP_URL,
    vercelEnv: env.VERCEL_ENV,
    vercelProjectProductionUrl: env.VERCEL_PROJECT_PRODUCTION_URL,
    vercelBranchUrl: env.VERCEL_BRANCH_URL,
    vercelUrl: env.VERCEL_URL,
    port: env.PORT,
  };
}

/**
 * Tells next-auth the base URL: it reads its own address from NEXTAUTH_URL, and must take it
 * from configuration so it never follows a forged Host header. The one write to the environment.
 */
export function publishNextAuthUrl(url: string): void {
  process.env.NEXTAUTH_URL = url;
}
