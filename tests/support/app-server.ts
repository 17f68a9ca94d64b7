import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { smtpVariables } from '@/lib/env';
import { freePort } from './free-port';
import { serverLogFolder } from './server-log';

// Tests always run from the project folder (npm test, npx playwright test).
const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const serveScript = path.join(root, 'scripts', 'serve.mjs');

export interface AppServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** Variables of the outer shell that must never reach the app under test. */
const isolatedVariables = [
  'DATABASE_URL',
  'DATABASE_URL_FILE',
  'DATA_DIR',
  'APP_SECRET',
  'APP_SECRET_FILE',
  'NEXTAUTH_SECRET',
  'NEXTAUTH_URL',
  'PORT',
  'APP_URL',
  'VERCEL',
  'VERCEL_ENV',
  'VERCEL_URL',
  'VERCEL_BRANCH_URL',
  'VERCEL_PROJECT_PRODUCTION_URL',
  'MAIL_ALLOWLIST',
  'CRON_SECRET',
  'CRON_SECRET_FILE',
  'METRICS_TOKEN',
  'METRICS_TOKEN_FILE',
  'EMAIL_ALERT_AFTER_SECONDS',
  'PROXY_HOPS',
  'LOG_FORMAT',
  'LOG_LEVEL',
  ...smtpVariables.flatMap((name) => [name, `${name}_FILE`]),
];

function cleanEnvironment(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of isolatedVariables) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/**
 * Starts the production build with the given environment on a free port, as `npm start` serves
 * it (scripts/serve.mjs, which decides the client address). `cwd` serves another app's build
 * with this project's Next through plain `next start` (the benchmarks' blank app).
 */
export async function launchAppServer(
  env: Record<string, string | undefined>,
  { cwd = root }: { cwd?: string } = {},
): Promise<AppServer> {
  const port = await freePort();
  const command = cwd === root ? [serveScript] : [nextBin, 'start', '--port', String(port)];
  const child = spawn(process.execPath, command, {
    cwd,
    env: cleanEnvironment({ ...env, NODE_ENV: 'production', PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  // Kept for the end of the run, which greps every server's log for secrets.
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      mkdirSync(serverLogFolder, { recursive: true });
      writeFileSync(path.join(serverLogFolder, `${port}-${child.pid}.log`), output);
      resolve();
    }),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resolves once the server answers `path` with `status`; rejects with its output if it exits first. */
export async function waitForResponse(
  server: AppServer,
  { path: route = '/api/health', status = 200, timeoutMs = 60_000 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) {
      throw new Error(
        `The app server exited (${server.process.exitCode}) before it was ready:\n${server.output()}`,
      );
    }
    try {
      const response = await fetch(server.url + route);
      if (response.status === status) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `The app server did not answer ${route} with ${status} within ${timeoutMs} ms:\n${server.output()}`,
  );
}

/**
 * The one-time set-up link a server with no user logs at start, reached on 127.0.0.1. Waited
 * for: the health check can answer a moment before the line has come through the pipe.
 */
export async function setupLinkOf(server: AppServer, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = server.output().match(/http:\/\/localhost:\d+\/setup\?token=[\w-]+/);
    // The log names the configured base URL; tests reach the same server on 127.0.0.1.
    if (match) return match[0].replace(/^http:\/\/localhost:\d+/, server.url);
    if (Date.now() > deadline) {
      throw new Error(`no set-up link in the server log:\n${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves with the exit code once the process ends (for servers expected to refuse to start). */
export function waitForExit(server: AppServer, timeoutMs = 30_000): Promise<number | null> {
  if (server.process.exitCode !== null) return Promise.resolve(server.process.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`The app server still runs after ${timeoutMs} ms:\n${server.output()}`)),
      timeoutMs,
    );
    server.process.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
