import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DatabaseHandle } from '@/db/database';
import { accountMemberships, accounts } from '@/db/schema';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';
import { returnedValue } from './server-action';
import { createUser, signInCookie, type TestUser } from './e2e-users';
import type { AccountStatus } from '@/db/schema';

// The people and accounts of the authorization matrix (tests/e2e/authorization-matrix.spec.ts),
// and how an answer is read: refused because signed out, refused by the permission check, or
// let through.

/** Who calls: the six roles of PRODUCT.md, a signed-out visitor and a user of another account. */
export const callers = [
  'hostAdmin',
  'hostStandard',
  'hostView',
  'accountAdmin',
  'accountStandard',
  'accountView',
  'signedOut',
  'otherAccountUser',
] as const;
export type Caller = (typeof callers)[number];

/** What each signed-in caller holds: a host role, or a role in account M (O for the outsider). */
const holdings: Record<
  Exclude<Caller, 'signedOut'>,
  { hostRole: HostRole | null; account?: { in: 'M' | 'O'; role: AccountRole } }
> = {
  hostAdmin: { hostRole: 'admin' },
  hostStandard: { hostRole: 'standard' },
  hostView: { hostRole: 'view' },
  accountAdmin: { hostRole: null, account: { in: 'M', role: 'admin' } },
  accountStandard: { hostRole: null, account: { in: 'M', role: 'standard' } },
  accountView: { hostRole: null, account: { in: 'M', role: 'view' } },
  otherAccountUser: { hostRole: null, account: { in: 'O', role: 'admin' } },
};

/**
 * The accounts actions are tried in: M managed (host users work in it by their host role), U
 * unmanaged (only its own users), D unmanaged with user management delegated to the host.
 */
export const targets = ['M', 'U', 'D'] as const;
export type Target = (typeof targets)[number];

const accountShapes: Record<Target | 'O', { managed: boolean; delegated: boolean }> = {
  M: { managed: true, delegated: false },
  U: { managed: false, delegated: false },
  D: { managed: false, delegated: true },
  O: { managed: true, delegated: false },
};

export interface MatrixAccount {
  id: string;
  name: string;
}

/** Everything one worker's matrix uses; made once, then every call builds its own fixtures. */
export interface World {
  database: DatabaseHandle;
  baseURL: string;
  accounts: Record<Target | 'O', MatrixAccount>;
  users: Record<Exclude<Caller, 'signedOut'>, TestUser>;
  /** The `Cookie` header each caller sends (the signed-out visitor's holds only the language). */
  cookies: Record<Caller, string>;
  /** The admin U and D each have (their own user, none of the callers). */
  ownAdmins: Record<'U' | 'D', TestUser>;
}

/** Every answer in English, whatever the user's stored language: the texts are compared. */
const languageCookie = 'gatehouse-locale=en';

export const uniqueName = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;

async function insertAccount(
  database: DatabaseHandle,
  shape: { managed: boolean; delegated: boolean; status?: AccountStatus },
  label: string,
): Promise<MatrixAccount> {
  const name = uniqueName(label);
  const [row] = await database.db
    .insert(accounts)
    .values({
      name,
      managed: shape.managed,
      delegatedUserManagement: shape.delegated,
      status: shape.status ?? 'active',
    })
    .returning({ id: accounts.id });
  return { id: row!.id, name };
}

/** A new active user holding what `caller` holds (the same role in the same account). */
async function userLike(
  database: DatabaseHandle,
  caller: Exclude<Caller, 'signedOut'>,
  accountIds: Record<'M' | 'O', string>,
): Promise<TestUser> {
  const { hostRole, account } = holdings[caller];
  return createUser(database, {
    hostRole,
    accountRoles: account ? [{ accountId: accountIds[account.in], role: account.role }] : [],
  });
}

export async function createWorld(database: DatabaseHandle, baseURL: string): Promise<World> {
  const [M, U, D, O] = await Promise.all(
    (['M', 'U', 'D', 'O'] as const).map((key) =>
      insertAccount(database, accountShapes[key], `Matrix ${key}`),
    ),
  );
  const ids = { M: M!.id, O: O!.id };
  const signedIn = callers.filter((caller) => caller !== 'signedOut');
  const made = await Promise.all(signedIn.map((caller) => userLike(database, caller, ids)));
  const users = Object.fromEntries(
    signedIn.map((caller, i) => [caller, made[i]!]),
  ) as World['users'];
  const [uAdmin, dAdmin] = await Promise.all(
    [U!, D!].map((account) =>
      createUser(database, {
        hostRole: null,
        accountRoles: [{ accountId: account.id, role: 'admin' }],
      }),
    ),
  );
  const cookies = { signedOut: languageCookie } as World['cookies'];
  for (const caller of signedIn) {
    cookies[caller] = `${await signInCookie(database, users[caller])}; ${languageCookie}`;
  }
  return {
    database,
    baseURL,
    accounts: { M: M!, U: U!, D: D!, O: O! },
    users,
    cookies,
    ownAdmins: { U: uAdmin!, D: dAdmin! },
  };
}

/**
 * A new account shaped like `target` with the same members (M's three account-role callers,
 * or U's and D's own admin), for a call that changes or removes the account it is given.
 */
export async function copyOfAccount(
  world: World,
  target: Target,
  options: { status?: AccountStatus; managed?: boolean } = {},
): Promise<MatrixAccount> {
  const account = await insertAccount(
    world.database,
    { ...accountShapes[target], ...options },
    `Matrix ${target} copy`,
  );
  const members =
    target === 'M'
      ? (['accountAdmin', 'accountStandard', 'accountView'] as const).map((caller) => ({
          userId: world.users[caller].id,
          role: holdings[caller].account!.role,
        }))
      : [{ userId: world.ownAdmins[target].id, role: 'admin' as const }];
  await world.database.db
    .insert(accountMemberships)
    .values(members.map((member) => ({ ...member, accountId: account.id })));
  return account;
}

/**
 * A new user holding what `caller` holds, signed in, for calls that end the caller's sessions
 * or change what is theirs (the shared callers must stay as they are); none for the visitor.
 */
export async function newCaller(
  world: World,
  caller: Caller,
): Promise<{ user: TestUser | null; cookie: string }> {
  if (caller === 'signedOut') return { user: null, cookie: languageCookie };
  const user = await userLike(world.database, caller, {
    M: world.accounts.M.id,
    O: world.accounts.O.id,
  });
  return { user, cookie: `${await signInCookie(world.database, user)}; ${languageCookie}` };
}

export async function cookieOfNewCaller(world: World, caller: Caller): Promise<string> {
  return (await newCaller(world, caller)).cookie;
}

// ---------------------------------------------------------------------------------------------
// Reading answers

/** How an action answered: refused as signed out, refused by a permission check, or let through. */
export type ActionOutcome = 'signedOut' | 'forbidden' | 'allowed';

type Catalog = { [key: string]: string | Catalog };
const catalog = JSON.parse(readFileSync('messages/en.json', 'utf8')) as Catalog;

/** Every `…errors.forbidden` text of the English catalog, by key: the refusals for permission. */
function forbiddenTexts(messages: Catalog, prefix = ''): Record<string, string> {
  return Object.assign(
    {},
    ...Object.entries(messages).map(([key, value]) => {
      const path = prefix + key;
      if (typeof value !== 'string') return forbiddenTexts(value, `${path}.`);
      return /(^|\.)errors\.forbidden$/.test(path) ? { [path]: value } : {};
    }),
  ) as Record<string, string>;
}

/**
 * The action factory answers `errors.signedOut` and `errors.forbidden`; domain functions refuse
 * with their own `errors.forbidden` (users: "nobody can grant more than they hold", …).
 */
export const refusalTexts = {
  signedOut: (catalog.errors as Catalog).signedOut as string,
  forbidden: forbiddenTexts(catalog),
};

export interface ActionAnswer {
  outcome: ActionOutcome;
  /** What came back, shortened, for messages. */
  summary: string;
}

/**
 * Reads an action's answer. "allowed" means the call got past every permission check: it
 * succeeded, redirected (signing out), or was stopped by validation or by the domain for a
 * reason other than permission (e.g. "this user no longer exists").
 */
export function classifyAnswer(answer: {
  status: number;
  text: string;
  headers: Headers;
}): ActionAnswer {
  const redirect = answer.headers.get('x-action-redirect');
  if (redirect) return { outcome: 'allowed', summary: `redirect ${redirect}` };
  const value = returnedValue(answer.text) as
    { ok: boolean; formError?: string; fieldErrors?: Record<string, string[]> } | undefined;
  if (typeof value !== 'object' || value === null || typeof value.ok !== 'boolean') {
    throw new Error(
      `The answer holds no action result (HTTP ${answer.status}): ${answer.text.slice(0, 400)}`,
    );
  }
  if (value.ok) return { outcome: 'allowed', summary: 'ok' };
  if (value.formError === refusalTexts.signedOut) {
    return { outcome: 'signedOut', summary: value.formError };
  }
  if (value.formError && Object.values(refusalTexts.forbidden).includes(value.formError)) {
    return { outcome: 'forbidden', summary: value.formError };
  }
  const fields = Object.keys(value.fieldErrors ?? {});
  return {
    outcome: 'allowed',
    summary: value.formError ?? `invalid fields: ${fields.join(', ')}`,
  };
}

/** What a page answers when redirects are not followed: a status, or the path it redirects to. */
export type PageOutcome = 200 | 403 | 404 | `/${string}`;

export async function openPage(url: string, cookie: string): Promise<PageOutcome | number> {
  const response = await fetch(url, { redirect: 'manual', headers: { cookie } });
  await response.arrayBuffer();
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location) {
    return new URL(location, url).pathname as `/${string}`;
  }
  return response.status;
}
