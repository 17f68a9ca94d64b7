export interface ErrorLike {
  code?: string;
  message?: string;
  cause?: unknown;
}

/**
 * The innermost error of a `cause` chain: drivers wrap the socket or server error (which has
 * the useful code and message) in their own ("Failed query: …").
 */
export function rootCause(error: unknown): ErrorLike {
  let current = (error ?? {}) as ErrorLike;
  while (current.cause && typeof current.cause === 'object') current = current.cause as ErrorLike;
  return current;
}

/** The first line of the innermost message, for a one-line log or health report. */
export function rootMessage(error: unknown): string {
  const cause = rootCause(error);
  const text = cause.message ?? (error instanceof Error ? error.message : String(error));
  return (text.split('\n')[0] ?? '').trim() || 'unknown error';
}
