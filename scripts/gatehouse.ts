// npm run gatehouse -- <command>: operator commands on the server's command line
// (`reset-link <email> [--reset-2fa]` for a host admin who is locked out; `backup` and
// `restore` of the embedded database). Run under the
// react-server condition (see package.json) because it shares server-only code.
import { parseArgs } from 'node:util';
import { loadEnvConfig } from '@next/env';
import { cliResetLink, type CliResetLinkResult } from './cli-reset-link';
import { configuredDatabaseLocation } from '@/lib/startup/database-location';
import { describeStartupError } from '@/lib/startup/describe-startup-error';
import { appBaseUrl } from '@/lib/urls';
import { dataDir, deploymentUrlSettings } from '@/lib/env';
import path from 'node:path';
import {
  backupEmbedded,
  restoreEmbedded,
  type BackupResult,
  type RestoreResult,
} from './cli-backup';

const usage = `Usage: npm run gatehouse -- <command>

Commands:
  reset-link <email> [--reset-2fa]
                      Print a new password reset link for an active user, for a host admin
                      who is locked out. Works without SMTP. The link lives 24 hours, works
                      once, and older reset links of that user stop working.
                      --reset-2fa also removes the user's two-factor methods and recovery
                      codes (for someone who lost their phone) and signs them out everywhere.
  backup <file>       Write the embedded database to <file> (a gzipped copy), also while the
                      server runs: the server makes the copy between two queries. Keep it
                      with the app secret (APP_SECRET, or DATA_DIR/app-secret): without that
                      secret, the stored SMTP password and authenticator keys cannot be read.
  restore <file>      Put a backup in place of the embedded database, with the server stopped.
                      The database there now is moved aside, never deleted. A backup made by a
                      newer Gatehouse is refused.
  help                Show this help.

Uses the server's database: DATABASE_URL, or else the embedded database in DATA_DIR
(default .data), read from the environment and .env files as \`next start\` reads them.
reset-link and restore cannot open the embedded database while the server runs: stop the
server first (backup asks the running server for its copy).
Links start with APP_URL (default http://localhost:PORT, PORT default 3000).`;

function describeWhere({ where }: CliResetLinkResult): string {
  return where.driver === 'postgres'
    ? `PostgreSQL at ${where.location}`
    : `the embedded database in ${where.location}`;
}

function describeFailure(result: Exclude<CliResetLinkResult, { ok: true }>): string {
  const at = describeWhere(result);
  const { email } = result;
  switch (result.reason) {
    case 'locked':
      return `Cannot open ${at}: another Gatehouse process (pid ${result.holderPid}), most likely the running server, is using it. PGlite does not lock its folder, and opening it from a second process corrupts it. Stop the server, run this command again, then start the server.`;
    case 'noDatabase':
      return `${result.where.driver === 'postgres' ? `${at} has no Gatehouse tables` : `There is no Gatehouse database in ${result.where.location}`} yet. Start the server once and create the host admin with the set-up link it prints. (If the server uses another database, set DATABASE_URL or DATA_DIR as it has them.)`;
    case 'migrationsPending':
      return `${at} lacks ${result.pending} migration(s) of this Gatehouse version. Start the server (it applies them) or run npm run db:migrate, then run this command again.`;
    case 'noUsers':
      return `No user exists yet in ${at}. Start the server and create the host admin with the set-up link it prints.`;
    case 'unknownEmail':
      return `No user has the email ${email} in ${at}. Check the address (and DATABASE_URL or DATA_DIR, if the server uses another database).`;
    case 'pending':
      return `${email} has not accepted their invitation yet, so there is no password to reset. A host admin can make a new invite link for them on the Users page.`;
    case 'deactivated':
      return `${email} is deactivated, and a reset link does not work for a deactivated user. A host admin can reactivate them on the Users page first.`;
  }
}

function describeSuccess(result: Extract<CliResetLinkResult, { ok: true }>): string {
  const until = result.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  const base = deploymentUrlSettings().appUrl?.trim()
    ? `It starts with APP_URL (${appBaseUrl()}), which must be the address the console is reached at.`
    : `APP_URL is not set, so it starts with ${appBaseUrl()}; if the console is reached at another address, run this again with APP_URL set as the server has it.`;
  return [
    `Password reset link for ${result.email} (${describeWhere(result)}):`,
    '',
    `  ${result.link}`,
    '',
    `Valid until ${until} UTC (24 hours). It works once and replaces any older reset link of this user.`,
    base,
    ...twoFactorLines(result),
  ].join('\n');
}

function twoFactorLines({ twoFactor }: Extract<CliResetLinkResult, { ok: true }>): string[] {
  if (twoFactor.reset) {
    return [
      '',
      twoFactor.methods > 0
        ? 'Two-factor sign-in was reset: every method and recovery code of this user is gone, and they are signed out everywhere. They sign in with the new password (and set a method up again if the host requires one).'
        : 'This user had no two-factor sign-in to reset; they are signed out everywhere.',
    ];
  }
  return twoFactor.methods > 0
    ? [
        '',
        'This user signs in with a second step (two-factor sign-in). If they lost their phone and their recovery codes too, run this again with --reset-2fa.',
      ]
    : [];
}

async function resetLink(rawEmail: string, resetTwoFactor: boolean): Promise<number> {
  try {
    const result = await cliResetLink({ email: rawEmail, resetTwoFactor });
    if (!result.ok) {
      console.error(describeFailure(result));
      return 1;
    }
    console.log(describeSuccess(result));
    return 0;
  } catch (error) {
    // Unreachable server, wrong password, …: the same one line the server prints at start.
    const line = describeStartupError(error, configuredDatabaseLocation());
    console.error(line.replace('Gatehouse cannot start', 'Cannot make a reset link'));
    return 1;
  }
}

function describeBackup(result: BackupResult): string {
  if (result.ok) {
    const size = `${(result.bytes / 1024 / 1024).toFixed(1)} MB`;
    const how =
      result.through === 'server'
        ? 'made by the running server, between two of its queries'
        : 'read from the data folder (no server was running)';
    return `Backed up the embedded database to ${result.file} (${size}, ${how}). Keep the app secret with it: without it, the stored SMTP password and authenticator keys cannot be read.`;
  }
  switch (result.reason) {
    case 'postgres':
      return 'DATABASE_URL is set: this instance uses PostgreSQL. Back it up with pg_dump (see docs/deploy.md), and keep the app secret with it.';
    case 'noDatabase':
      return `There is no embedded database in ${dataDir()} to back up. Check DATA_DIR (the server's, if it runs with another).`;
    case 'serverRefused':
      return `The running server refused the backup (HTTP ${result.status}): ${result.says.trim()}${result.status === 401 ? ' This command must see the same app secret as the server (APP_SECRET, or DATA_DIR/app-secret).' : ''}`;
    case 'serverUnreachable':
      return `The embedded database is in use by the running server, and the server does not answer at ${result.url} (${result.says}). Set APP_URL or PORT as the server has them, then run this again.`;
  }
}

function describeRestore(result: RestoreResult, file: string): string {
  if (result.ok) {
    return [
      `Restored ${file} into ${result.folder}: ${result.users} user(s), ${result.accounts} account(s).`,
      result.movedAside
        ? `The database that was there is kept in ${result.movedAside}; delete it once the restored one is right.`
        : '',
      result.pendingMigrations > 0
        ? `The backup is from an older Gatehouse: the server applies ${result.pendingMigrations} migration(s) when it starts.`
        : '',
      'Start the server with the app secret the backup was made with (APP_SECRET, or its DATA_DIR/app-secret): with another one, the stored SMTP password and authenticator keys cannot be read, and everyone signs in again.',
    ]
      .filter(Boolean)
      .join('\n');
  }
  switch (result.reason) {
    case 'postgres':
      return 'DATABASE_URL is set: this instance uses PostgreSQL. Restore it with pg_restore or psql (see docs/deploy.md).';
    case 'noFile':
      return `There is no file ${file}.`;
    case 'notABackup':
      return `${file} is not a backup made by \`npm run gatehouse -- backup\` (not a gzipped file).`;
    case 'locked':
      return `The embedded database in ${dataDir()} is in use by another Gatehouse process (pid ${result.holderPid}), most likely the running server. Stop it, run this again, then start it.`;
    case 'newerSchema':
      return `The backup is from a newer Gatehouse (${result.applied} migrations; this version knows ${result.expected}). Restore it with that version or a later one. Nothing was changed.`;
  }
}

async function backupOrRestore(command: 'backup' | 'restore', file: string): Promise<number> {
  try {
    if (command === 'backup') {
      const result = await backupEmbedded(path.resolve(file));
      (result.ok ? console.log : console.error)(describeBackup(result));
      return result.ok ? 0 : 1;
    }
    const result = await restoreEmbedded(path.resolve(file));
    (result.ok ? console.log : console.error)(describeRestore(result, file));
    return result.ok ? 0 : 1;
  } catch (error) {
    const line = describeStartupError(error, configuredDatabaseLocation());
    console.error(line.replace('Gatehouse cannot start', `Cannot ${command}`));
    return 1;
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' }, 'reset-2fa': { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch {
    console.error(usage);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === 'help') {
    console.log(usage);
    return 0;
  }
  if (command === 'reset-link' && rest.length === 1 && rest[0]!.trim()) {
    // The same configuration `next start` sees: variables set in the shell win over .env files.
    loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
    return resetLink(rest[0]!, parsed.values['reset-2fa'] ?? false);
  }
  if ((command === 'backup' || command === 'restore') && rest.length === 1 && rest[0]!.trim()) {
    loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
    return backupOrRestore(command, rest[0]!);
  }
  console.error(usage);
  return 2;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
