import 'server-only';
import {
  hostReaches,
  mayInAccount,
  usersReach,
  mayOnHost,
  type AccountRole,
  type AccountScope,
  type Actor,
  type HostRole,
} from './permissions';

/** What an invitation gives: one host role, or one role in each of one or more accounts. */
export type InvitationGrant =
  | { type: 'host'; role: HostRole }
  | { type: 'individual'; accounts: { account: AccountScope; role: AccountRole }[] };

const rank: Record<HostRole | AccountRole, number> = { view: 0, standard: 1, admin: 2 };

function higher(a: AccountRole | HostRole | null, b: AccountRole | HostRole | null) {
  if (a === null) return b;
  if (b === null) return a;
  return rank[a] >= rank[b] ? a : b;
}

/**
 * Whether `actor` may invite someone with `grant` (or make a new link for someone who holds
 * it): the permission table must allow managing those users (host users: `host.users.manage`;
 * account roles: `account.users.manage` in every account), and no role given may be above the
 * role the actor holds there — nobody grants more than they have.
 */
export function mayGrant(actor: Actor, grant: InvitationGrant): boolean {
  if (grant.type === 'host') {
    return (
      mayOnHost(actor, 'host.users.manage') &&
      actor.hostRole !== null &&
      rank[grant.role] <= rank[actor.hostRole]
    );
  }
  // A user left with no role at all (their accounts deleted) is a host matter.
  if (grant.accounts.length === 0) return mayOnHost(actor, 'host.users.manage');
  return grant.accounts.every(({ account, role }) => {
    if (!mayInAccount(actor, 'account.users.manage', account)) return false;
    const held = higher(
      actor.accountRoles.get(account.id) ?? null,
      hostReaches(account, usersReach) ? actor.hostRole : null,
    );
    return held !== null && rank[role] <= rank[held];
  });
}
