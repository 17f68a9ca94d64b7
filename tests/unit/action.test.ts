import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/read-session';
import type { AccountRole, HostRole } from '@/lib/auth/permissions';
import { log } from '@/lib/log/logger';

// The factory's collaborators, replaced: the translator answers with the key itself, so the
// assertions name the catalog entries the user would read.
const mocks = vi.hoisted(() => ({
  currentUser: vi.fn<() => Promise<unknown>>(),
  getDb: vi.fn(async () => ({ fake: 'database' })),
  renameHost: vi.fn(async () => {}),
  loadAccountScope: vi.fn<() => Promise<unknown>>(),
}));
vi.mock('next-intl/server', () => ({
  getTranslations: async () => (key: string) => key,
}));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: mocks.currentUser }));
vi.mock('@/lib/database/configured-database', () => ({ getDb: mocks.getDb }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
// The request the action answers: where it came from, for the audit log's actor.
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'user-agent': 'unit test', 'x-forwarded-for': '192.0.2.7' }),
}));
vi.mock('@/lib/host/rename-host', () => ({ renameHost: mocks.renameHost }));
vi.mock('@/lib/auth/load-account-scope', () => ({
  loadAccountScope: mocks.loadAccountScope,
}));

const { action } = await import('@/lib/actions/action');
const { renameHostAction } = await import('@/app/(console)/settings/general/actions');

function user(hostRole: HostRole | null, accountRoles: [string, AccountRole][] = []): SessionUser {
  return {
    id: 'user-1',
    email: 'ada@example.test',
    language: 'en',
    hostRole,
    accountRoles: new Map(accountRoles),
  };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const nameSchema = z.object({ name: z.string().min(1, 'required') });

beforeEach(() => {
  vi.clearAllMocks();
});

describe('action()', () => {
  it('refuses a signed-out caller of a non-public action without running it', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: undefined }));
    const run = action({ schema: nameSchema, access: 'signed-in' }, handler);
    mocks.currentUser.mockResolvedValue(null);
    expect(await run(null, form({ name: 'x' }))).toEqual({
      ok: false,
      formError: 'errors.signedOut',
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses every role without the permission, before parsing or opening the database', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: undefined }));
    const run = action({ schema: nameSchema, access: 'host.settings' }, handler);
    for (const caller of [user('standard'), user('view'), user(null, [['account-1', 'admin']])]) {
      mocks.currentUser.mockResolvedValue(caller);
      expect(await run(null, form({ name: '' }))).toEqual({
        ok: false,
        formError: 'errors.forbidden',
      });
    }
    expect(handler).not.toHaveBeenCalled();
    expect(mocks.getDb).not.toHaveBeenCalled();
  });

  it('answers refused input with translated field errors', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: undefined }));
    const run = action({ schema: nameSchema, access: 'public' }, handler);
    mocks.currentUser.mockResolvedValue(null);
    expect(await run(null, form({ name: '' }))).toEqual({
      ok: false,
      fieldErrors: { name: ['validation.required'] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('runs the handler with the parsed input, the user and the database', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: 'done' }));
    const run = action({ schema: nameSchema, access: 'host.settings' }, handler);
    const admin = user('admin');
    mocks.currentUser.mockResolvedValue(admin);
    expect(await run(null, form({ name: 'Ada', extra: 'ignored' }))).toEqual({
      ok: true,
      data: 'done',
    });
    expect(handler).toHaveBeenCalledWith(
      { name: 'Ada' },
      expect.objectContaining({
        user: admin,
        db: { fake: 'database' },
        // The audit log's actor: who, with the role that let them act, and from where.
        actor: {
          kind: 'user',
          userId: admin.id,
          email: admin.email,
          role: 'host:admin',
          clientAddress: '192.0.2.7',
          userAgent: 'unit test',
        },
      }),
    );
  });

  it('refuses control characters in any field as a field error, before the schema and the database', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: undefined }));
    const run = action({ schema: nameSchema, access: 'public', multiline: ['pem'] }, handler);
    mocks.currentUser.mockResolvedValue(null);
    expect(
      await run(null, form({ name: 'Ada\u0000', other: 'tab\there', pem: 'line\n\tline' })),
    ).toEqual({
      ok: false,
      fieldErrors: {
        name: ['validation.controlCharacters'],
        other: ['validation.controlCharacters'],
      },
    });
    // A line break in a single-line field keeps the wording the schemas give it.
    expect(await run(null, form({ name: 'Two\r\nLines' }))).toEqual({
      ok: false,
      fieldErrors: { name: ['validation.lineBreak'] },
    });
    // A multi-line field may hold line breaks and tabs, never a NUL byte.
    expect(await run(null, form({ name: 'Ada', pem: 'x\u0000' }))).toEqual({
      ok: false,
      fieldErrors: { pem: ['validation.controlCharacters'] },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(mocks.getDb).not.toHaveBeenCalled();
  });

  it('answers a call without form data with a form error, running nothing', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: undefined }));
    const run = action({ schema: nameSchema, access: 'public' }, handler);
    for (const bad of [null, undefined, 'x', ['name']]) {
      expect(await run(null, bad as unknown as FormData)).toEqual({
        ok: false,
        formError: 'errors.badRequest',
      });
    }
    expect(handler).not.toHaveBeenCalled();
    expect(mocks.currentUser).not.toHaveBeenCalled();
  });

  it('answers a form error when the database cannot be reached, and rethrows anything else', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const run = (error: Error) =>
      action({ schema: nameSchema, access: 'public' }, async () => {
        throw error;
      })(null, form({ name: 'Ada' }));
    mocks.currentUser.mockResolvedValue(null);
    const errorLog = vi.spyOn(log, 'error').mockImplementation(() => {});
    expect(await run(new Error('Failed query: select 1', { cause: refused }))).toEqual({
      ok: false,
      formError: 'errors.databaseUnavailable',
    });
    // The log says where it tried, once for the outage.
    expect(errorLog).toHaveBeenCalledTimes(1);
    expect(String(errorLog.mock.calls[0]![0])).toMatch(
      /^Database unreachable: .*connection refused/,
    );
    await expect(run(new Error('a bug'))).rejects.toThrow('a bug');
    // Anything else is logged as the action's failure (Next logs its own line too).
    expect(errorLog).toHaveBeenCalledTimes(2);
    expect(String(errorLog.mock.calls[1]![0])).toBe('A server action failed: a bug');
    errorLog.mockRestore();
  });

  it('makes the schema for the caller when given a function', async () => {
    const run = action(
      {
        schema: ({ user: caller }) =>
          z.object({ name: z.string().refine((name) => name !== caller.email, 'invalid') }),
        access: 'signed-in',
      },
      async () => ({ ok: true, data: undefined }),
    );
    mocks.currentUser.mockResolvedValue(user('view'));
    expect(await run(null, form({ name: 'ada@example.test' }))).toEqual({
      ok: false,
      fieldErrors: { name: ['validation.invalid'] },
    });
    expect(await run(null, form({ name: 'someone else' }))).toEqual({ ok: true, data: undefined });
  });
});

describe('action() with account access', () => {
  const accountId = '5b8f0c1e-3a55-4c39-9d3f-2a7e6b1c0d41';
  const accountSchema = z.object({ accountId: z.uuid('invalid'), name: z.string() });
  /** The stored account as loadAccountScope answers; managed and active unless told. */
  function storedAccount(
    fields: Partial<{ managed: boolean; delegatedUserManagement: boolean; status: string }> = {},
  ) {
    return {
      id: accountId,
      name: 'Bäckerei Nord',
      managed: true,
      delegatedUserManagement: false,
      status: 'active',
      ...fields,
    };
  }

  it('refuses a signed-out caller without loading the account', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: undefined }));
    const run = action({ schema: accountSchema, access: { account: 'account.view' } }, handler);
    mocks.currentUser.mockResolvedValue(null);
    expect(await run(null, form({ accountId, name: 'x' }))).toEqual({
      ok: false,
      formError: 'errors.signedOut',
    });
    expect(mocks.loadAccountScope).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });

  it('says the account is gone when the form names one that does not exist', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: undefined }));
    const run = action({ schema: accountSchema, access: { account: 'account.view' } }, handler);
    mocks.currentUser.mockResolvedValue(user('admin'));
    mocks.loadAccountScope.mockResolvedValue(null);
    expect(await run(null, form({ accountId, name: 'x' }))).toEqual({
      ok: false,
      formError: 'errors.accountGone',
    });
    expect(mocks.loadAccountScope).toHaveBeenCalledWith({ fake: 'database' }, accountId);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a user without the permission in the stored account', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: undefined }));
    const settings = action(
      { schema: accountSchema, access: { account: 'account.settings' } },
      handler,
    );
    const users = action(
      { schema: accountSchema, access: { account: 'account.users.manage' } },
      handler,
    );
    for (const [run, caller, account] of [
      [settings, user(null, [[accountId, 'standard']]), storedAccount()],
      [settings, user('view'), storedAccount()],
      [settings, user('admin'), storedAccount({ managed: false })],
      // A role in another account does not count here.
      [settings, user(null, [['another-account', 'admin']]), storedAccount()],
      [settings, user(null, [[accountId, 'admin']]), storedAccount({ status: 'deactivated' })],
      [users, user('standard'), storedAccount()],
      [users, user('admin'), storedAccount({ managed: false })],
    ] as const) {
      mocks.currentUser.mockResolvedValue(caller);
      mocks.loadAccountScope.mockResolvedValue(account);
      expect(await run(null, form({ accountId, name: 'x' }))).toEqual({
        ok: false,
        formError: 'errors.forbidden',
      });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('runs the handler with the stored account for a permitted user', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: 'done' }));
    const run = action(
      { schema: accountSchema, access: { account: 'account.users.manage' } },
      handler,
    );
    for (const [caller, account] of [
      [user(null, [[accountId, 'admin']]), storedAccount({ managed: false })],
      [user('admin'), storedAccount()],
      [user('admin'), storedAccount({ managed: false, delegatedUserManagement: true })],
    ] as const) {
      handler.mockClear();
      mocks.currentUser.mockResolvedValue(caller);
      mocks.loadAccountScope.mockResolvedValue(account);
      expect(await run(null, form({ accountId, name: 'Ada' }))).toEqual({ ok: true, data: 'done' });
      expect(handler).toHaveBeenCalledTimes(1);
      expect(handler).toHaveBeenCalledWith(
        { accountId, name: 'Ada' },
        expect.objectContaining({
          user: caller,
          db: { fake: 'database' },
          account,
          // Their role in the form's account when they hold one there, else their host role.
          actor: expect.objectContaining({
            role: caller.hostRole === null ? 'account:admin' : `host:${caller.hostRole}`,
          }),
        }),
      );
    }
  });
});

describe('renameHostAction', () => {
  it('refuses host standard and view users on the server and renames nothing', async () => {
    for (const role of ['standard', 'view'] as const) {
      mocks.currentUser.mockResolvedValue(user(role));
      expect(await renameHostAction(null, form({ hostName: 'Taken Over' }))).toEqual({
        ok: false,
        formError: 'errors.forbidden',
      });
    }
    expect(mocks.renameHost).not.toHaveBeenCalled();
  });

  it('lets a host admin rename the host with a valid name only', async () => {
    mocks.currentUser.mockResolvedValue(user('admin'));
    for (const [hostName, message] of [
      ['   ', 'validation.required'],
      ['Line\nbreak', 'validation.lineBreak'],
      ['x'.repeat(101), 'validation.tooLong'],
    ] as const) {
      expect(await renameHostAction(null, form({ hostName }))).toEqual({
        ok: false,
        fieldErrors: { hostName: [message] },
      });
    }
    expect(mocks.renameHost).not.toHaveBeenCalled();

    expect(await renameHostAction(null, form({ hostName: '  Nordlicht Media ' }))).toEqual({
      ok: true,
      data: undefined,
    });
    expect(mocks.renameHost).toHaveBeenCalledWith(
      { fake: 'database' },
      { hostName: 'Nordlicht Media', actor: expect.objectContaining({ userId: 'user-1' }) },
    );
  });
});

// Never called: `tsc --noEmit` checks that a handler's message keys and field names are the
// catalog's and the schema's.
export function mistakesDoNotCompile() {
  const schema = z.object({ name: z.string() });
  action({ schema, access: 'signed-in' }, async (_input, { t }) => ({
    ok: false,
    // @ts-expect-error -- no such message in the catalog
    formError: t('errors.noSuchMessage'),
  }));
  action(
    { schema, access: 'signed-in' },
    // @ts-expect-error -- the form has no field "nmae"
    async () => ({ ok: false, fieldErrors: { nmae: ['Too long.'] } }),
  );
  action({ schema, access: 'signed-in' }, async () => ({
    ok: false,
    fieldErrors: { name: ['Too long.'] },
  }));
}
