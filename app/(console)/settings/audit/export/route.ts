// GET /settings/audit/export: the host's audit log, with the page's filters, as CSV.
import { requireHostPermission } from '@/lib/auth/guards';
import { auditCsvResponse, exportFilters } from '../audit-csv-response';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  await requireHostPermission('host.settings');
  return auditCsvResponse(exportFilters(new URL(request.url), null), 'audit-log');
}
