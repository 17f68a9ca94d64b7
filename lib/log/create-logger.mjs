// The one logger setup for both halves of the process: scripts/serve.mjs (plain Node: the HTTP
// layer, which logs every request) and the app inside Next's bundle (lib/log/logger.ts). Plain
// JavaScript, so serve.mjs can load it before any TypeScript. The settings come from the caller
// (lib/env.ts reads them for the app).
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
import pinoPretty from 'pino-pretty';

const levels = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

// Fields that would hold a secret if a caller ever passed one: written as [redacted]. Callers
// pass none (a test greps a whole test run's log); this is the second line of defence.
const secretKeys = ['password', 'secret', 'token', 'authorization', 'cookie', 'apiKey'];

/**
 * The request being served, for every line logged while it is (request id, route, actor):
 * scripts/serve.mjs runs each request in it. One instance per process, on globalThis, because
 * serve.mjs and Next's bundle each load this file as a module of their own.
 * @returns {AsyncLocalStorage<{ requestId: string; route: string; actorId?: string }>}
 */
export function requestContext() {
  const shared = /** @type {{ gatehouseRequestContext?: AsyncLocalStorage<any> }} */ (globalThis);
  shared.gatehouseRequestContext ??= new AsyncLocalStorage();
  return shared.gatehouseRequestContext;
}

/**
 * Whether lines are JSON (one object per line, for a log collector) or pretty (for a person
 * at a terminal). LOG_FORMAT decides when set; otherwise pretty under `next dev` or when the
 * output is a terminal, JSON when it goes to a file, a pipe or a container's log.
 * @param {{ format?: string; development?: boolean; terminal?: boolean }} settings
 */
function prettyLogs({ format, development, terminal }) {
  if (format === 'json' || format === 'pretty') return format === 'pretty';
  return Boolean(development || terminal);
}

/**
 * @param {{ format?: string; level?: string; development?: boolean; terminal?: boolean }} settings
 */
export function createLogger(settings) {
  const level = settings.level && levels.has(settings.level) ? settings.level : 'info';
  /** @type {import('pino').LoggerOptions} */
  const options = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: secretKeys.flatMap((key) => [key, `*.${key}`]),
      censor: '[redacted]',
    },
    mixin() {
      const request = requestContext().getStore();
      if (!request) return {};
      const { requestId, route, actorId } = request;
      return actorId ? { requestId, route, actorId } : { requestId, route };
    },
  };
  if (!prettyLogs(settings)) return pino(options);
  // In the same thread, written at once: a line logged right before the process exits (a
  // refused start) is never lost.
  const stream = pinoPretty({
    colorize: Boolean(settings.terminal),
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid',
    singleLine: true,
  });
  return pino(options, stream);
}
