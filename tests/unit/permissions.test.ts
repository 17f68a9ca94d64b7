import { describe, expect, it } from 'vitest';
import {
  accountPermissions,
  hostPermissions,
  mayInAccount,
  mayOnHost,
  seesUsersOf,
  type AccountPermission,
  type AccountRole,
  type AccountScope,
  type Actor,
  type HostPermission,
  type HostRole,
} from '@/lib/auth/permissions';

// PRODUCT.md "Who may do what", copied by hand in the table's own words and never derived from
// permissions.ts, so that a wrong entry there fails the cell that names it.
type Cell = 'yes' | 'no' | '—' | 'managed accounts' | 'managed or delegated accounts';
type Cells = readonly [Cell, Cell, Cell, Cell, Cell, Cell];

interface Who {
  who: string;
  hostRole: HostRole | null;
  accountRole: AccountRole | null;
}
const columns: Who[] = [
  { who: 'host admin', hostRole: 'admin', accountRole: null },
  { who: 'host standard', hostRole: 'standard', accountRole: null },
  { who: 'host view', hostRole: 'view', accountRole: null },
  { who: 'account admin', hostRole: null, accountRole: 'admin' },
  { who: 'account standard', hostRole: null, accountRole: 'standard' },
  { who: 'account view', hostRole: null, accountRole: 'view' },
];

const hostRows: { action: string; permission: HostPermission; cells: Cells }[] = [
  {
    action: 'host settings, SMTP switch, delivery log',
    permission: 'host.settings',
    cells: ['yes', 'no', 'no', 'no', 'no', 'no'],
  },
  {
    action: 'invite / edit / revoke host users, their invite and reset links',
    permission: 'host.users.manage',
    cells: ['yes', 'no', 'no', 'no', 'no', 'no'],
  },
  {
    action: 'create accounts; rename, deactivate, activate, delete accounts',
    permission: 'accounts.manage',
    cells: ['yes', 'yes', 'no', '—', '—', '—'],
  },
  // Not a row of the table: the Accounts list (PRODUCT.md "Accounts") is for any host user.
  {
    action: 'see the accounts list',
    permission: 'accounts.list',
    cells: ['yes', 'yes', 'yes', 'no', 'no', 'no'],
  },
];

const kinds = {
  managed: { managed: true, delegatedUserManagement: false, status: 'active' },
  unmanaged: { managed: false, delegatedUserManagement: false, status: 'active' },
  'unmanaged, delegated': { managed: false, delegatedUserManagement: true, status: 'active' },
  // Every flag that could grant something is on, so only the status can refuse.
  deactivated: { managed: true, delegatedUserManagement: true, status: 'deactivated' },
} as const satisfies Record<string, Omit<AccountScope, 'id'>>;
type Kind = keyof typeof kinds;
const kindPhrase: Record<Kind, string> = {
  managed: 'in a managed account',
  unmanaged: 'in an unmanaged account',
  'unmanaged, delegated': 'in an unmanaged account with delegated user management',
  deactivated: 'in a deactivated account',
};
const allKinds = Object.keys(kinds) as Kind[];
const account = (kind: Kind, id = 'account-a'): AccountScope => ({ id, ...kinds[kind] });

// `kinds`: the accounts a row speaks of. Its "—" cells defer to "see the account".
const accountRows: {
  action: string;
  permission: AccountPermission;
  kinds: Kind[];
  cells: Cells;
}[] = [
  {
    action: 'open a managed account',
    permission: 'account.view',
    kinds: ['managed', 'deactivated'],
    cells: ['yes', 'yes', 'yes', '—', '—', '—'],
  },
  {
    action: 'open an unmanaged account',
    permission: 'account.view',
    kinds: ['unmanaged', 'unmanaged, delegated'],
    cells: ['no', 'no', 'no', '—', '—', '—'],
  },
  {
    action: "manage an account's users",
    permission: 'account.users.manage',
    kinds: allKinds,
    cells: ['managed or delegated accounts', 'no', 'no', 'yes', 'no', 'no'],
  },
  {
    action: 'change account settings, delete the account itself',
    permission: 'account.settings',
    kinds: allKinds,
    cells: ['managed accounts', 'managed accounts', 'no', 'yes', 'no', 'no'],
  },
  {
    action: 'see the account',
    permission: 'account.view',
    kinds: allKinds,
    cells: ['managed accounts', 'managed accounts', 'managed accounts', 'yes', 'yes', 'yes'],
  },
  // Not a row of the table: PRODUCT.md "Security, audit and operations" gives an account's
  // Activity to its admins; host admins read it where they manage the account.
  {
    action: "see an account's Activity",
    permission: 'account.activity',
    kinds: allKinds,
    cells: ['managed accounts', 'no', 'no', 'yes', 'no', 'no'],
  },
  // Not a row of the table: PRODUCT.md "Accounts" gives delegating to the account's admins.
  {
    action: 'delegate user management to the host',
    permission: 'account.delegate',
    kinds: allKinds,
    cells: ['no', 'no', 'no', 'yes', 'no', 'no'],
  },
];
// The rows that speak of every kind of account: one per account permission.
const fullRows = accountRows.filter((row) => row.kinds === allKinds);

/** What a cell means in one kind of account; a deactivated one "cannot be opened". */
function allows(cell: Cell | undefined, kind: Kind): boolean {
  if (kind === 'deactivated') return false;
  if (cell === 'yes') return true;
  if (cell === 'managed accounts') return kind === 'managed';
  if (cell === 'managed or delegated accounts') return kind !== 'unmanaged';
  return false;
}
const cellOf = (cells: Cells, who: Who) => cells[columns.indexOf(who)];

function actor({ hostRole, accountRole }: Who, accountId = 'account-a'): Actor {
  return { hostRole, accountRoles: new Map(accountRole ? [[accountId, accountRole]] : []) };
}

const hostColumns = columns.filter((c) => c.hostRole);
const accountColumns = columns.filter((c) => c.accountRole);
const noRoles: Who = { who: 'no roles', hostRole: null, accountRole: null };
const unions: Who[] = hostColumns.flatMap((h) =>
  accountColumns.map((a) => ({ ...h, who: `${h.who} + ${a.who}`, accountRole: a.accountRole })),
);

// Each case is titled by its cell: action, who, kind of account, and the expected verdict.
type Case = { title: string; who: Who; allowed: boolean };
const titled = <T extends Case>(cases: T[]) => cases.map((c): [string, T] => [c.title, c]);
const verdict = (allowed: boolean) => (allowed ? 'may' : 'may not');

function hostCases(people: Who[], rule: (row: (typeof hostRows)[number], who: Who) => boolean) {
  return hostRows.flatMap((row) =>
    people.map((who) => {
      const allowed = rule(row, who);
      const title = `${row.action}: ${who.who} ${verdict(allowed)} (${row.permission})`;
      return { title, who, allowed, permission: row.permission };
    }),
  );
}

function accountCases(
  rows: typeof accountRows,
  people: Who[],
  rule: (row: (typeof accountRows)[number], who: Who, kind: Kind) => boolean | undefined,
) {
  return rows.flatMap((row) =>
    people.flatMap((who) =>
      row.kinds.flatMap((kind) => {
        const allowed = rule(row, who, kind);
        if (allowed === undefined) return [];
        const title = `${row.action}: ${who.who} ${kindPhrase[kind]} ${verdict(allowed)} (${row.permission})`;
        return [{ title, who, kind, allowed, permission: row.permission }];
      }),
    ),
  );
}

describe('the permission table of PRODUCT.md', () => {
  it('names every permission that permissions.ts defines', () => {
    expect(Object.keys(hostPermissions).sort()).toEqual(hostRows.map((r) => r.permission).sort());
    expect(Object.keys(accountPermissions).sort()).toEqual(
      fullRows.map((r) => r.permission).sort(),
    );
  });

  it.each(titled(hostCases(columns, (row, who) => cellOf(row.cells, who) === 'yes')))(
    '%s',
    (_, { who, permission, allowed }) => {
      expect(mayOnHost(actor(who), permission)).toBe(allowed);
    },
  );

  const cells = accountCases(accountRows, columns, (row, who, kind) => {
    const cell = cellOf(row.cells, who);
    return cell === '—' ? undefined : allows(cell, kind);
  });
  it.each(titled(cells))('%s', (_, { who, permission, kind, allowed }) => {
    expect(mayInAccount(actor(who), permission, account(kind))).toBe(allowed);
  });
});

describe('a user with no roles', () => {
  it.each(titled(hostCases([noRoles], () => false)))('%s', (_, { who, permission }) => {
    expect(mayOnHost(actor(who), permission)).toBe(false);
  });

  it.each(titled(accountCases(fullRows, [noRoles], () => false)))(
    '%s',
    (_, { who, permission, kind }) => {
      expect(mayInAccount(actor(who), permission, account(kind))).toBe(false);
    },
  );
});

describe('an account role in account A', () => {
  const live = fullRows.map((row) => ({
    ...row,
    kinds: allKinds.filter((k) => k !== 'deactivated'),
  }));
  it.each(titled(accountCases(live, accountColumns, () => false)))(
    '%s — in account B, holding the role in A only',
    (_, { who, permission, kind }) => {
      const inA = actor(who, 'account-a');
      expect(mayInAccount(inA, 'account.view', account(kind, 'account-a'))).toBe(true);
      expect(mayInAccount(inA, permission, account(kind, 'account-b'))).toBe(false);
    },
  );
});

describe('a user with a host role and an account role gets the union', () => {
  const hostOf = (u: Who) => hostColumns.find((c) => c.hostRole === u.hostRole)!;
  const accountOf = (u: Who) => accountColumns.find((c) => c.accountRole === u.accountRole)!;

  const onHost = hostCases(unions, (row, u) =>
    [hostOf(u), accountOf(u)].some((c) => cellOf(row.cells, c) === 'yes'),
  );
  it.each(titled(onHost))('%s', (_, { who, permission, allowed }) => {
    expect(mayOnHost(actor(who), permission)).toBe(allowed);
  });

  const inAccount = accountCases(fullRows, unions, (row, u, kind) =>
    [hostOf(u), accountOf(u)].some((c) => allows(cellOf(row.cells, c), kind)),
  );
  it.each(titled(inAccount))('%s', (_, { who, permission, kind, allowed }) => {
    expect(mayInAccount(actor(who), permission, account(kind))).toBe(allowed);
  });
});

describe('a deactivated account grants nothing to anyone', () => {
  const flags = [
    { flags: 'managed', managed: true, delegatedUserManagement: false },
    { flags: 'unmanaged', managed: false, delegatedUserManagement: false },
    {
      flags: 'unmanaged with delegated user management',
      managed: false,
      delegatedUserManagement: true,
    },
  ];
  const deactivated = accountCases(fullRows, [noRoles, ...columns, ...unions], () => false)
    .filter((c) => c.kind === 'deactivated')
    .flatMap((c) =>
      flags.map((f) => ({ ...c, ...f, title: `${c.title}, the account being ${f.flags}` })),
    );
  it.each(titled(deactivated))('%s', (_, { who, permission, managed, delegatedUserManagement }) => {
    const scope: AccountScope = {
      id: 'account-a',
      managed,
      delegatedUserManagement,
      status: 'deactivated',
    };
    expect(mayInAccount(actor(who), permission, scope)).toBe(false);
  });
});

describe('whose users a viewer sees on the Users page', () => {
  const scope = (managed: boolean, delegatedUserManagement: boolean) => ({
    id: 'account-a',
    managed,
    delegatedUserManagement,
  });
  const hostView: Actor = { hostRole: 'view', accountRoles: new Map() };
  const ownAdmin: Actor = { hostRole: null, accountRoles: new Map([['account-a', 'view']]) };

  it('sees the users of managed and delegated accounts, and of their own, never of others', () => {
    expect(seesUsersOf(hostView, scope(true, false))).toBe(true);
    expect(seesUsersOf(hostView, scope(false, true))).toBe(true);
    expect(seesUsersOf(hostView, scope(false, false))).toBe(false);
    expect(seesUsersOf(ownAdmin, scope(false, false))).toBe(true);
    expect(seesUsersOf(ownAdmin, { ...scope(false, false), id: 'account-b' })).toBe(false);
  });
});
