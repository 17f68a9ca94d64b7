import { describe, expect, it } from 'vitest';
import { changeRoleSchema, inviteUserSchema, setStatusSchema } from '@/lib/users/user-forms';

const accountId = '0b9c7a52-5f0e-4a56-9d4e-3f1f8a0f6a11';
const otherAccountId = '6f1d2c3b-8e4a-4b5c-9d6e-7f8a9b0c1d2e';

function messagesFor(
  schema: {
    safeParse: (value: unknown) => {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  },
  values: Record<string, string>,
) {
  const result = schema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
}

describe('inviteUserSchema', () => {
  it('reads a host user with their host role, lower-casing the email', () => {
    expect(
      inviteUserSchema.parse({
        email: ' Ada@Example.COM ',
        language: 'de',
        type: 'host',
        hostRole: 'standard',
        accounts: '[]',
      }),
    ).toEqual({
      email: 'ada@example.com',
      language: 'de',
      request: { type: 'host', role: 'standard' },
    });
  });

  it('reads an individual user with a role in each chosen account', () => {
    expect(
      inviteUserSchema.parse({
        email: 'ada@example.com',
        language: 'en',
        type: 'individual',
        hostRole: 'admin',
        accounts: JSON.stringify([
          { accountId, role: 'admin' },
          { accountId: otherAccountId, role: 'view' },
        ]),
      }).request,
    ).toEqual({
      type: 'individual',
      accounts: [
        { accountId, role: 'admin' },
        { accountId: otherAccountId, role: 'view' },
      ],
    });
  });

  it('refuses each bad field with its own message key', () => {
    const base = { email: 'ada@example.com', language: 'en', type: 'host', hostRole: 'view' };
    expect(messagesFor(inviteUserSchema, { ...base, email: 'ada' })).toEqual({ email: 'email' });
    expect(messagesFor(inviteUserSchema, { ...base, language: 'fr' })).toEqual({
      language: 'invalid',
    });
    expect(messagesFor(inviteUserSchema, { ...base, hostRole: 'owner' })).toEqual({
      hostRole: 'invalid',
    });
    expect(messagesFor(inviteUserSchema, { ...base, hostRole: undefined! })).toEqual({
      accounts: 'rolesRequired',
    });
    expect(messagesFor(inviteUserSchema, { ...base, type: 'individual', accounts: '[]' })).toEqual({
      accounts: 'rolesRequired',
    });
  });

  it('refuses account lists that are not JSON, name an unknown role, or repeat an account', () => {
    const base = { email: 'ada@example.com', language: 'en', type: 'individual' };
    for (const accounts of [
      'not json',
      JSON.stringify([{ accountId, role: 'owner' }]),
      JSON.stringify([{ accountId: 'not-a-uuid', role: 'view' }]),
      JSON.stringify([
        { accountId, role: 'view' },
        { accountId, role: 'admin' },
      ]),
    ]) {
      expect(messagesFor(inviteUserSchema, { ...base, accounts })).toHaveProperty('accounts');
    }
  });
});

describe('changeRoleSchema and setStatusSchema', () => {
  it('read the user and the change', () => {
    const userId = otherAccountId;
    expect(
      changeRoleSchema.parse({ userId, type: 'host', hostRole: 'view', accounts: '[]' }),
    ).toEqual({ userId, change: { type: 'host', role: 'view' } });
    expect(setStatusSchema.parse({ userId, active: 'false' })).toEqual({ userId, active: false });
    expect(setStatusSchema.safeParse({ userId, active: 'maybe' }).success).toBe(false);
    expect(
      changeRoleSchema.safeParse({ userId: 'x', type: 'host', hostRole: 'view' }).success,
    ).toBe(false);
  });
});
