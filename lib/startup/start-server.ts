import { getDatabaseHandle } from '@/lib/database/configured-database';
import { runMigrations } from '@/db/migrate';
import { startSweeps } from '@/lib/maintenance/start-sweeps';
import { loadAppSecret } from '@/lib/secret/app-secret';
import { issueSetupLinkIfNoUsers } from '@/lib/setup/issue-setup-link';
import { appBaseUrl } from '@/lib/urls';
import { readMigrationStatus } from '@/lib/health/migration-status';
import {
  appSecretSetting,
  databaseUrl,
  isServerless,
  publishNextAuthUrl,
  SettingError,
} from '@/lib/env';
import { environmentSmtp } from '@/lib/smtp/environment-smtp';
import { configuredDatabaseLocation } from './database-location';
import { describeStartupError } from './describe-startup-error';
import { log } from '@/lib/log/logger';

/**
 * Runs once when the server process starts: makes sure there is an app secret, opens the
 * database and applies pending migrations. Any failure ends the process with one clear line.
 */
export async function startServer(): Promise<void> {
  const serverless = isServerless();
  // Read inside: a secret file that cannot be read (DATABASE_URL_FILE) ends the start in one line.
  let where: ReturnType<typeof configuredDatabaseLocation> | null = null;
  try {
    where = configuredDatabaseLocation();
    const refusal = serverless ? serverlessRefusal() : null;
    if (refusal) throw new StartRefusal(refusal);
    // A half-set SMTP configuration in the environment stops here, naming what is missing.
    environmentSmtp();
    const secret = loadAppSecret();
    if (secret.source === 'generated') {
      log.warn(
        `Generated a new app secret and saved it in ${secret.file}. Keep that file (or set APP_SECRET): it signs sessions and encrypts the stored SMTP password.`,
      );
    }
    // next-auth's secret is getAppSecret() (lib/sign-in/auth-options.ts); its address this one.
    publishNextAuthUrl(appBaseUrl());

    const handle = await getDatabaseHandle();
    if (serverless) {
      // Every cold start would race to migrate: on serverless, `npm run db:migrate` runs once
      // as a deploy step, and a start finding it skipped says so.
      const { pending } = await readMigrationStatus(handle.db);
      if (pending > 0) {
        throw new StartRefusal(
          `the database lacks ${pending} migration(s) of this version. Run \`npm run db:migrate\` as a deploy step (see docs/deploy.md).`,
        );
      }
    } else {
      await runMigrations(handle);
    }
    const name = where.driver === 'postgres' ? 'PostgreSQL' : 'embedded PostgreSQL (PGlite)';
    log.info(`Database: ${name} at ${handle.location}, migrations up to date.`);

    startSweeps();

    const setupLink = await issueSetupLinkIfNoUsers(handle.db);
    if (setupLink) {
      log.warn(
        `No user exists yet. Create the host admin with this one-time link (a restart makes a new one):\n\n  ${setupLink}\n`,
      );
    }
  } catch (error) {
    const line =
      error instanceof StartRefusal
        ? `Gatehouse cannot start: ${error.message}`
        : error instanceof SettingError
          ? `Gatehouse cannot start: ${error.message}.`
          : error instanceof Error && error.message.startsWith('APP_SECRET')
            ? `Gatehouse cannot start: ${error.message}.`
            : describeStartupError(error, where ?? { driver: 'pglite', location: '' });
    log.fatal(line);
    process.exit(1);
  }
}

/** A start this configuration cannot make; its message completes "Gatehouse cannot start: ". */
class StartRefusal extends Error {}

/** What a serverless platform lacks that the embedded defaults need, if anything. */
function serverlessRefusal(): string | null {
  if (!databaseUrl()) {
    return 'DATABASE_URL is not set, and embedded PostgreSQL needs a writable disk that lasts, which a serverless platform (VERCEL=1) does not have. Set DATABASE_URL to a managed PostgreSQL (see docs/deploy.md).';
  }
  if (!appSecretSetting()) {
    return 'APP_SECRET is not set, and a generated one cannot be kept on a serverless platform (VERCEL=1). Set APP_SECRET to at least 32 random characters (openssl rand -base64 32).';
  }
  return null;
}
