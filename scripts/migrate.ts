// npm run db:migrate: applies pending migrations to the configured database and exits
// (for deployments that migrate as a deploy step instead of at server start).
import { openConfiguredDatabase } from '@/lib/database/configured-database';
import { runMigrations } from '@/db/migrate';
import { configuredDatabaseLocation } from '@/lib/startup/database-location';
import { describeStartupError } from '@/lib/startup/describe-startup-error';

async function main(): Promise<void> {
  const where = configuredDatabaseLocation();
  try {
    const handle = await openConfiguredDatabase();
    try {
      await runMigrations(handle);
      console.log(`Migrations applied to ${handle.location}.`);
    } finally {
      await handle.close();
    }
  } catch (error) {
    console.error(
      describeStartupError(error, where).replace('Gatehouse cannot start', 'Migration failed'),
    );
    process.exitCode = 1;
  }
}

void main();
