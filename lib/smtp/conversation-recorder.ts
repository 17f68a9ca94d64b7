import { format } from 'node:util';

export interface ConversationLine {
  /** Milliseconds since the recording started. */
  atMs: number;
  /** client: what we sent; server: what it answered; note: connection events. */
  from: 'client' | 'server' | 'note';
  text: string;
}

const redacted = '[redacted]';

/**
 * A nodemailer logger that keeps the SMTP conversation for "Show details". Everything the
 * client sends while authenticating is replaced, and the password never appears in any line.
 */
export function createConversationRecorder(secrets: (string | null | undefined)[]) {
  const started = performance.now();
  const lines: ConversationLine[] = [];
  const hidden: string[] = [];
  /** Keeps a secret learnt during the conversation (an OAuth2 token) out of every line after. */
  function hide(secret: string | null | undefined) {
    if (secret && secret.length >= 3) hidden.push(secret, Buffer.from(secret).toString('base64'));
  }
  secrets.forEach(hide);
  let authenticating = false;

  function scrub(text: string): string {
    return hidden.reduce((line, secret) => line.split(secret).join(redacted), text);
  }

  function record(entry: { tnx?: string }, message: string, ...args: unknown[]) {
    let text = format(message, ...args);
    const from = entry?.tnx === 'client' ? 'client' : entry?.tnx === 'server' ? 'server' : 'note';
    if (from === 'client') {
      if (/^AUTH\b/i.test(text)) {
        authenticating = true;
        text =
          text.split(' ').slice(0, 2).join(' ') +
          (text.split(' ').length > 2 ? ` ${redacted}` : '');
      } else if (authenticating) {
        text = redacted;
      }
    } else if (from === 'server' && authenticating && !/^334\b/.test(text)) {
      authenticating = false;
    }
    lines.push({ atMs: Math.round(performance.now() - started), from, text: scrub(text) });
  }

  const logger = {
    level: () => {},
    trace: record,
    debug: record,
    info: record,
    warn: record,
    error: record,
    fatal: record,
  };
  return { logger, lines, hide };
}

/**
 * The oldest command still waiting for its reply (commands may be pipelined, so it is not
 * always the last one sent), or the last one when everything was answered.
 */
export function awaitedCommand(lines: ConversationLine[]): string | undefined {
  const pending: string[] = [];
  let last: string | undefined;
  for (const line of lines) {
    if (line.from === 'client') {
      pending.push(line.text);
      last = line.text;
    } else if (line.from === 'server' && !/^\d{3}-/.test(line.text.split('\n').pop() ?? '')) {
      // A reply ends with "NNN text"; "NNN-text" lines are the middle of a multi-line reply.
      pending.shift();
    }
  }
  return pending[0] ?? last;
}
