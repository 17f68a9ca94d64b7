import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/read-session';
import type { HostRole } from '@/lib/auth/permissions';

// The factory's collaborators, replaced: the translator answers with the key itself, so the
// assertions name the catalog entries the user would read.
const mocks = vi.hoisted(() => ({
  currentUser: vi.fn<() => Promise<unknown>>(),
  getDb: vi.fn(async () => ({ fake: 'database' })),
  renameHost: vi.fn(async () => {}),
}));
vi.mock('next-intl/server', () => ({
  getTranslations: async () => (key: string) => key,
}));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: mocks.currentUser }));
vi.mock('@/db/client', () => ({ getDb: mocks.getDb }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('@/lib/host/rename-host', () => ({ renameHost: mocks.renameHost }));

const { action } = await import('@/lib/actions/action');
const { renameHostAction } = await import('@/app/(console)/settings/general/actions');

function user(hostRole: HostRole | null, accountRoles: [string, 'admin'][] = []): SessionUser {
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
      expect.objectContaining({ user: admin, db: { fake: 'database' } }),
    );
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
      { hostName: 'Nordlicht Media' },
    );
  });
});
