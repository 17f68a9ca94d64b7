import type { AuditEventRow } from './list-events';

/**
 * A spreadsheet would run a cell starting with these as a formula (=HYPERLINK(…) in a user
 * agent or a failed sign-in's address, both typed by whoever asks): such a cell gets a leading
 * apostrophe, which spreadsheets show as text.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): quoted when it holds a quote, comma or line break. */
export function csvField(value: string | null): string {
  if (value === null || value === '') return '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly (string | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The export's columns after the event's name and summary, in the reader's language. */
export const auditCsvColumns = [
  'time',
  'type',
  'event',
  'summary',
  'actorKind',
  'actorEmail',
  'actorRole',
  'clientAddress',
  'userAgent',
  'targetKind',
  'targetId',
  'targetLabel',
  'details',
] as const;

/** A row's fields in column order; the event's name and summary come from the caller. */
export function auditCsvFields(
  row: AuditEventRow,
  described: { event: string; summary: string },
): string[] {
  return [
    row.occurredAt.toISOString(),
    row.type,
    described.event,
    described.summary,
    row.actor.kind,
    row.actor.email ?? '',
    row.actor.role ?? '',
    row.actor.clientAddress ?? '',
    row.actor.userAgent ?? '',
    row.target.kind,
    row.target.id ?? '',
    row.target.label ?? '',
    Object.keys(row.details).length > 0 ? JSON.stringify(row.details) : '',
  ];
}

/**
 * The CSV as a stream that reads the next batch only when the client has taken the last one
 * (pull): a slow download holds one batch, never the whole log. A byte-order mark first, so
 * spreadsheets read the text as UTF-8.
 */
export function csvStream(
  header: readonly string[],
  batches: AsyncGenerator<string[][]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
      },
      async pull(controller) {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map(csvLine).join('')));
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
