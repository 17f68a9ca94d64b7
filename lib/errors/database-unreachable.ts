import { rootCause } from './root-cause';

// Codes that mean "the database could not be reached or went away", as opposed to a query the
// database refused: the socket's own (Node), postgres.js's, and PostgreSQL's shutdown states.
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown: the server was stopped under an open connection
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
]);

/** Whether `error` (or what it wraps) says the database cannot be reached right now. */
export function isDatabaseUnreachable(error: unknown): boolean {
  const code = rootCause(error).code ?? (error as { code?: string } | null)?.code;
  if (!code) return false;
  // Class 08: connection exceptions.
  return unreachableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}
