import 'server-only';
import { accounts } from '@/db/schema';

/**
 * The columns of an account the permission checks need (lib/auth/permissions.ts AccountScope)
 * plus its name: selected wherever a grant is checked against stored accounts.
 */
export const accountScopeColumns = {
  id: accounts.id,
  name: accounts.name,
  managed: accounts.managed,
  delegatedUserManagement: accounts.delegatedUserManagement,
  status: accounts.status,
};
