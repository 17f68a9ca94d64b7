import { getDatabaseHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { loadAppSecret } from '@/lib/secret/app-secret';
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
    // next-auth reads its secret from the environment.
    process.env.NEXTAUTH_SECRET ||= secret.secret;

    const handle = await getDatabaseHandle();
    await runMigrations(handle);
    const name = where.driver === 'postgres' ? 'PostgreSQL' : 'embedded PostgreSQL (PGlite)';
    console.log(`Database: ${name} at ${handle.location}, migrations up to date.`);
  } catch (error) {
    const line =
      error instanceof Error && error.message.startsWith('APP_SECRET')
        ? `Gatehouse cannot start: ${error.message}.`
        : describeStartupError(error, where);
    console.error(line);
    process.exit(1);
  }
}
