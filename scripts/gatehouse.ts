// npm run gatehouse -- <command>: operator commands on the server's command line
// (`reset-link <email> [--reset-2fa]` for a host admin who is locked out). Run under the
// react-server condition (see package.json) because it shares server-only code.
import { parseArgs } from 'node:util';
import { loadEnvConfig } from '@next/env';
import { cliResetLink, type CliResetLinkResult } from './cli-reset-link';
import { configuredDatabaseLocation } from '@/lib/startup/database-location';
import { describeStartupError } from '@/lib/startup/describe-startup-error';
import { appBaseUrl } from '@/lib/urls';
import { deploymentUrlSettings } from '@/lib/env';

const usage = `Usage: npm run gatehouse -- <command>

Commands:
  reset-link <email> [--reset-2fa]
                      Print a new password reset link for an active user, for a host admin
                      who is locked out. Works without SMTP. The link lives 24 hours, works
                      once, and older reset links of that user stop working.
                      --reset-2fa also removes the user's two-factor methods and recovery
                      codes (for someone who lost their phone) and signs them out everywhere.
  help                Show this help.

Uses the server's database: DATABASE_URL, or else the embedded database in DATA_DIR
(default .data), read from the environment and .env files as \`next start\` reads them.
The embedded database cannot be opened while the server runs: stop the server first.
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
  console.error(usage);
  return 2;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
