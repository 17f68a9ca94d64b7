import { beforeAll, describe, expect, it } from 'vitest';
import { findGrantableAccounts } from '@/lib/accounts/find-grantable-accounts';
import { listUsers } from '@/lib/users/list-users';
import { directoryFixtures } from '../support/directory-fixtures';
import { withTestDatabase } from '../support/with-test-database';

// The accounts an admin may give roles in, found by name instead of listed: the Invite
// dialog's search and the Users page's account filter, for a host with thousands of accounts.

const database = withTestDatabase('grantable_accounts');
const db = () => database().handle.db;
const { makeUser, makeAccount } = directoryFixtures(db);

const ids: Record<string, string> = {};

beforeAll(async () => {
  process.env.APP_SECRET = 'integration-test-secret-0123456789-abcdefghij';
  for (let n = 0; n < 30; n++) {
    const name = `Grant ${String(n).padStart(2, '0')}`;
    ids[name] = await makeAccount({ name });
  }
  ids.unmanaged = await makeAccount({ name: 'Grant unmanaged', managed: false });
  ids.delegated = await makeAccount({
    name: 'Grant delegated',
    managed: false,
    delegatedUserManagement: true,
  });
  ids.closed = await makeAccount({ name: 'Grant closed', status: 'deactivated' });
  ids.percent = await makeAccount({ name: 'Grant 100% _sure' });
});

const names = (found: { name: string }[]) => found.map((account) => account.name);

describe('findGrantableAccounts', () => {
  it('finds by part of the name, in name order, at most the limit', async () => {
    const admin = await makeUser('admin');
    const found = await findGrantableAccounts(db(), admin, { search: 'GRANT 2', limit: 5 });
    expect(names(found)).toEqual(['Grant 20', 'Grant 21', 'Grant 22', 'Grant 23', 'Grant 24']);
    expect(found[0]!.roles).toEqual(['admin', 'standard', 'view']);
    expect(names(await findGrantableAccounts(db(), admin, { search: '0% _' }))).toEqual([
      'Grant 100% _sure',
    ]);
    expect(await findGrantableAccounts(db(), admin, { search: '%' })).toHaveLength(1);
  });

  it('offers only accounts whose users the host reaches, never a deactivated one', async () => {
    const admin = await makeUser('admin');
    const found = names(await findGrantableAccounts(db(), admin, { search: 'grant', limit: 100 }));
    expect(found).toContain('Grant delegated');
    expect(found).not.toContain('Grant unmanaged');
    expect(found).not.toContain('Grant closed');
    // By id too: an unreachable account and an id that is no uuid name nothing.
    expect(
      names(
        await findGrantableAccounts(db(), admin, {
          ids: [ids.unmanaged!, 'not-a-uuid', ids['Grant 03']!],
        }),
      ),
    ).toEqual(['Grant 03']);
    expect(await findGrantableAccounts(db(), admin, { ids: ['x'] })).toEqual([]);
  });

  it("offers a host admin's own unmanaged account they administer, with roles up to theirs", async () => {
    const admin = await makeUser('admin', [[ids.unmanaged!, 'admin']]);
    expect(names(await findGrantableAccounts(db(), admin, { search: 'unmanaged' }))).toEqual([
      'Grant unmanaged',
    ]);
  });

  it("gives each listed user's accounts the roles the viewer may give there", async () => {
    const admin = await makeUser('admin');
    const member = await makeUser(null, [
      [ids['Grant 01']!, 'view'],
      [ids.delegated!, 'standard'],
    ]);
    const { rows } = await listUsers(db(), { viewer: admin, search: member.email });
    expect(rows[0]!.accounts).toEqual([
      {
        id: ids['Grant 01'],
        name: 'Grant 01',
        role: 'view',
        grantable: ['admin', 'standard', 'view'],
      },
      {
        id: ids.delegated,
        name: 'Grant delegated',
        role: 'standard',
        grantable: ['admin', 'standard', 'view'],
      },
    ]);
  });
});
