import 'server-only';
import { getTranslations } from 'next-intl/server';
import { eventTypeName, summaryOf } from '@/components/audit/event-summary';
import { auditCsvColumns, auditCsvFields, csvStream } from '@/lib/audit/audit-csv';
import { auditEventBatches } from '@/lib/audit/list-events';
import { getDb } from '@/lib/database/configured-database';
import { auditListQuery, type AuditListParams } from './audit-list-params';

/** The address's filters, as the page reads them; an export has no position or page size. */
export function exportFilters(url: URL, accountId: string | null) {
  const params: AuditListParams = {
    q: undefined,
    actor: undefined,
    target: undefined,
    type: undefined,
    from: undefined,
    to: undefined,
    size: undefined,
    after: undefined,
    before: undefined,
  };
  for (const name of Object.keys(params) as (keyof AuditListParams)[]) {
    params[name] = url.searchParams.get(name) ?? undefined;
  }
  // The position and size it also reads are not for an export: it reads every page.
  return auditListQuery(params, accountId);
}

/**
 * The filtered events as a CSV download, streamed batch by batch (lib/audit/audit-csv.ts): no
 * row limit, and memory that does not grow with the log. Names and summaries in the reader's
 * language; the time in UTC.
 */
export async function auditCsvResponse(
  filters: ReturnType<typeof exportFilters>,
  fileName: string,
): Promise<Response> {
  const t = await getTranslations('audit');
  const db = await getDb();
  const header = auditCsvColumns.map((column) => t(`csv.${column}`));
  async function* lines() {
    for await (const batch of auditEventBatches(db, filters)) {
      yield batch.map((row) =>
        auditCsvFields(row, { event: eventTypeName(row.type, t), summary: summaryOf(row, t) }),
      );
    }
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csvStream(header, lines()), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}-${day}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
