import type { FormAction } from '@/lib/actions/action-result';
import type { LinkEmailState } from '@/lib/outbox/link-email-state';

/**
 * How a dialog follows the email of a link it showed: the page's read action, and the fields
 * it needs besides `emailId` (an account page sends its `accountId`).
 */
export interface LinkEmailReader {
  action: FormAction<LinkEmailState>;
  fields?: Record<string, string>;
}
