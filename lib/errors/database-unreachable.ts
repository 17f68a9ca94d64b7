import { rootCause } from './root-cause';

// Socket errors (node), postgres.js's own connection codes, and PostgreSQL refusing
// connections while it shuts down, starts or is full.
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
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** Whether an error means the database cannot be reached now (as opposed to a bad query). */
export function isDatabaseUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code ?? rootCause(error).code;
  return typeof code === 'string' && unreachableCodes.has(code);
}
