import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { e2eAppSecret, e2eCronSecret, e2ePassword } from './e2e-users';
import { serverLogFolder } from './server-log';

// What may never be in the app's log: checked over every app server a browser test run starts
// (tests/support/playwright-global-setup.ts), after the run.

/** The fixed secrets of the browser tests (each spec's own, typed in forms or set as env). */
const testSecrets = [
  e2eAppSecret,
  e2eCronSecret,
  e2ePassword,
  'lantern orbit meadow 42',
  'app-password-7c40d2',
  'env-app-password-31f9',
  'audit-app-password-7c1e',
  'metrics-token-of-the-e2e-scrape-0123456789',
  'matrix-client-secret',
];

/** The shapes of a secret whatever its value: link tokens, sessions, bearer tokens, keys. */
const secretShapes: { name: string; pattern: RegExp }[] = [
  { name: 'an invitation or reset link token', pattern: /\/(?:invite|reset)\/[\w-]{20,}/ },
  { name: 'a token in a query string', pattern: /[?&](?:token|code)=[\w-]{16,}/ },
  { name: 'a session cookie or JWT', pattern: /gatehouse\.session=|eyJ[\w-]{8,}\.eyJ[\w-]{8,}/ },
  { name: 'a bearer token', pattern: /Bearer\s+[\w.~+/-]{8,}/i },
  { name: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: 'a password hash', pattern: /\$argon2id?\$/ },
  { name: 'a sealed secret', pattern: /\bv1:[\w-]{20,}/ },
];

/**
 * The one line allowed a token: at a start with no user yet, the one-time set-up link is
 * printed for the operator on purpose (README); it works once, and a restart makes a new one.
 * As a JSON line, or its own line of the pretty format.
 */
const setUpLinkLine =
  /No user exists yet\. Create the host admin with this one-time link|^\s*https?:\/\/[^\s/]+\/setup\?token=[\w-]+\s*$/;

export interface SecretFinding {
  where: string;
  line: number;
  what: string;
}

/** Every secret in `log` (named by what it is, never quoted): empty when the log is clean. */
export function findSecrets(
  log: string,
  where: string,
  secrets: readonly string[] = testSecrets,
): SecretFinding[] {
  return log.split('\n').flatMap((text, index) => {
    const found: SecretFinding[] = [];
    const at = { where, line: index + 1 };
    for (const secret of secrets) {
      if (text.includes(secret)) found.push({ ...at, what: 'a secret of the tests' });
    }
    if (setUpLinkLine.test(text)) return found;
    for (const shape of secretShapes) {
      if (shape.pattern.test(text)) found.push({ ...at, what: shape.name });
    }
    return found;
  });
}

/** Throws, naming file, line and kind, if any app server's log of this run holds a secret. */
export function assertServerLogsHoldNoSecrets(): void {
  let files: string[] = [];
  try {
    files = readdirSync(serverLogFolder).filter((name) => name.endsWith('.log'));
  } catch {
    return;
  }
  const findings = files.flatMap((name) =>
    findSecrets(readFileSync(path.join(serverLogFolder, name), 'utf8'), name),
  );
  if (findings.length === 0) return;
  throw new Error(
    `The app's log holds secrets (in ${serverLogFolder}):\n${findings
      .map((finding) => `  ${finding.where}:${finding.line}: ${finding.what}`)
      .join('\n')}`,
  );
}
