import path from 'node:path';

/** Where every app server a test run starts leaves its log (tests/support/app-server.ts). */
export const serverLogFolder = path.join(process.cwd(), 'test-results', 'server-logs');

/** A server's log as the JSON lines it wrote; anything else (Next's own lines) left out. */
export function logEntries(output: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/** Each line's message: a JSON line's `msg`, any other line as written. */
export function logMessages(output: string): string[] {
  return output.split('\n').map((line) => {
    const [entry] = logEntries(line);
    return entry && typeof entry.msg === 'string' ? entry.msg : line;
  });
}
