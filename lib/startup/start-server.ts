import { getDatabaseHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { startOutboxSweep } from '@/lib/mail/outbox/outbox-sweep';
import { loadAppSecret } from '@/lib/secret/app-secret';
import { issueSetupLinkIfNoUsers } from '@/lib/setup/issue-setup-link';
import { appBaseUrl } from '@/lib/urls';
import { configuredDatabaseLocation } from './database-location';
import { describeStartupError } from './describe-startup-error';

/**
 * Runs once when the server process starts: makes sure there is an app secret, opens the
 * database and applies pending migrations. Any failure ends the process with one clear line.
 */
export async function startServer(): Promise<void> {
  const where = configuredDatabaseLocation();
  try {
    const secret = loadAppSecret();
    if (secret.source === 'generated') {
      console.log(
        `Generated a new app secret and saved it in ${secret.file}. Keep that file (or set APP_SECRET): it signs sessions and encrypts the stored SMTP password.`,
      );
    }
    // next-auth reads its secret and its own address from the environment; the address comes
    // from configuration so it never follows a forged Host header.
    process.env.NEXTAUTH_SECRET ||= secret.secret;
    process.env.NEXTAUTH_URL = appBaseUrl();

    const handle = await getDatabaseHandle();
    await runMigrations(handle);
    const name = where.driver === 'postgres' ? 'PostgreSQL' : 'embedded PostgreSQL (PGlite)';
    console.log(`Database: ${name} at ${handle.location}, migrations up to date.`);

    startOutboxSweep();

    const setupLink = await issueSetupLinkIfNoUsers(handle.db);
    if (setupLink) {
      console.log(
        `No user exists yet. Create the host admin with this one-time link (a restart makes a new one):\n\n  ${setupLink}\n`,
      );
    }
  } catch (error) {
    const line =
      error instanceof Error && error.message.startsWith('APP_SECRET')
        ? `Gatehouse cannot start: ${error.message}.`
        : describeStartupError(error, where);
    console.error(line);
    process.exit(1);
  }
}
