// GET /accounts/[accountId]/activity/export: an account's Activity, with the page's filters,
// as CSV; scoped by the account the permission check opened, like the page.
import { notFound } from 'next/navigation';
import { auditCsvResponse, exportFilters } from '@/app/(console)/settings/audit/audit-csv-response';
import { openAccount } from '../../open-account';

export const dynamic = 'force-dynamic';

export async function GET(
  request: Request,
  { params }: { params: Promise<{ accountId: string }> },
): Promise<Response> {
  const { account, deactivated } = await openAccount((await params).accountId, 'account.activity');
  // As the page: a deactivated account shows nothing of itself.
  if (deactivated) notFound();
  return auditCsvResponse(exportFilters(new URL(request.url), account.id), 'activity');
}
