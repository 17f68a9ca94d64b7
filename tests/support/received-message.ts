import type { ParsedMail } from 'mailparser';
import type { SMTPServerSession } from 'smtp-server';

export interface ReceivedMessage {
  envelope: { mailFrom: string; rcptTo: string[] };
  /** Whether the session was under TLS (implicit or after STARTTLS) when the message came in. */
  secure: boolean;
  /** The user the session authenticated as, if it did. */
  user: string | undefined;
  raw: string;
  parsed: ParsedMail;
  /** http(s) URLs from the text part and the HTML part's hrefs, in order, without duplicates. */
  links: string[];
}

function extractLinks(parsed: ParsedMail): string[] {
  const fromText = parsed.text?.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [];
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  const fromHtml = [...html.matchAll(/href\s*=\s*["'](https?:\/\/[^"']+)["']/gi)].map((match) =>
    (match[1] ?? '').replace(/&amp;/g, '&'),
  );
  return [...new Set([...fromText, ...fromHtml])];
}

export function receivedMessage(
  session: SMTPServerSession,
  raw: string,
  parsed: ParsedMail,
): ReceivedMessage {
  const { mailFrom, rcptTo } = session.envelope;
  return {
    envelope: {
      mailFrom: mailFrom ? mailFrom.address : '',
      rcptTo: rcptTo.map((recipient) => recipient.address),
    },
    secure: session.secure,
    user: typeof session.user === 'string' ? session.user : undefined,
    raw,
    parsed,
    links: extractLinks(parsed),
  };
}
