import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hostSettings } from '@/db/schema';
import { renameHost } from '@/lib/host/rename-host';
import { testSetupActor } from '../support/audit-actors';
import { withTestDatabase } from '../support/with-test-database';

const database = withTestDatabase('rename_host');

async function settingsRows() {
  return database()
    .handle.db.select({
      id: hostSettings.id,
      hostName: hostSettings.hostName,
      updatedAt: hostSettings.updatedAt,
    })
    .from(hostSettings);
}

describe('renameHost', () => {
  it('renames the host in the one settings row and notes when', async () => {
    const [before] = await settingsRows();
    await renameHost(database().handle.db, { hostName: 'Nordlicht Media', actor: testSetupActor });
    const after = await settingsRows();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: 1, hostName: 'Nordlicht Media' });
    expect(after[0]!.updatedAt.getTime()).toBeGreaterThan(before!.updatedAt.getTime());
  });

  it('recreates the settings row when it was removed by hand', async () => {
    const { db } = database().handle;
    await db.delete(hostSettings).where(eq(hostSettings.id, 1));
    await renameHost(db, { hostName: 'Back Again', actor: testSetupActor });
    expect(await settingsRows()).toEqual([
      expect.objectContaining({ id: 1, hostName: 'Back Again' }),
    ]);
  });
});
