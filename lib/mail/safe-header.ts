// Header values we compose ourselves (subject, sender name) may carry text an admin typed:
// a host name, an account name. nodemailer encodes headers, but a value must never be able to
// end its header line, and a string-built "Name <address>" can be misparsed into another sender.

import { displayNameMaxLength } from '@/lib/field-limits';

/** Longest subject we send: clients cut far earlier, and a header should stay readable. */
const maxSubjectLength = 200;

// Line breaks, tabs, NUL and other C0/C1 controls, and Unicode line and paragraph separators.
const breaksAndControls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

// A plain addr-spec: no whitespace, controls, quotes, comments, brackets or list separators.
const plainAddress =
  /^[^\s\u0000-\u001f\u007f<>()[\]\\,;:"@]+@[^\s\u0000-\u001f\u007f<>()[\]\\,;:"@]+$/u;

export class UnsafeHeaderError extends Error {
  override name = 'UnsafeHeaderError';
}

/**
 * A header value on one line: line breaks and control characters fold into single spaces, and
 * a value longer than `maxLength` is cut between whole characters (never inside an emoji or a
 * surrogate pair) and ends in "…".
 */
export function safeHeaderText(value: string, maxLength = maxSubjectLength): string {
  const line = value.replace(breaksAndControls, ' ').replace(/\s+/g, ' ').trim();
  if (line.length <= maxLength) return line;
  let cut = '';
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(line)) {
    if (cut.length + segment.length > maxLength - 1) break;
    cut += segment;
  }
  return `${cut.trimEnd()}…`;
}

/**
 * A mailbox for nodemailer's `from`/`to`: always the `{ name, address }` object, which
 * nodemailer encodes (non-ASCII names become encoded words), never a "Name <address>" string.
 * The name is folded like any header text; an address that is not a plain addr-spec is refused
 * rather than repaired, because a guessed sender address is a wrong one.
 */
export function safeMailbox(name: string, address: string): { name: string; address: string } {
  if (address.length > 254 || !plainAddress.test(address)) {
    throw new UnsafeHeaderError(`Not a plain email address: ${JSON.stringify(address)}`);
  }
  return { name: safeHeaderText(name, displayNameMaxLength), address };
}
