// When a failed email is tried again. Temporary failures (network, timeouts, 4xx) back off
// exponentially from 30 s to at most 2 h; after 18 attempts — about a day — the email is
// marked failed. Permanent refusals (5xx) fail at once: retrying would not change the answer.

const firstDelayMs = 30_000;
const longestDelayMs = 2 * 3_600_000;
export const maxAttempts = 18;

export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: number })?.responseCode ?? 0;
  return code >= 500 && code < 600;
}

/** The wait before attempt `attempts + 1`, with ±10 % jitter so senders do not move in step. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(firstDelayMs * 2 ** Math.max(0, attempts - 1), longestDelayMs);
  return Math.round(base * (0.9 + 0.2 * random()));
}
