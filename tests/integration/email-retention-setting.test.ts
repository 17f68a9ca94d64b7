import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hostSettings } from '@/db/schema';
import { emailRetentionSchema, setEmailRetention } from '@/lib/host/email-retention';
import { readEmailRetentionDays } from '@/lib/host/read-email-retention';
import { testSetupActor } from '../support/audit-actors';
import { withTestDatabase } from '../support/with-test-database';

const database = withTestDatabase('email_retention');

describe('the email retention setting', () => {
  it('is 90 days until the host sets 1 to 3,650 days', async () => {
    const { db } = database().handle;
    expect(await readEmailRetentionDays(db)).toBe(90);
    for (const days of [1, 3650, 30]) {
      await setEmailRetention(db, { days, actor: testSetupActor });
      expect(await readEmailRetentionDays(db)).toBe(days);
    }
  });

  it('refuses anything but a whole number of days from 1 to 3,650 beside the field', () => {
    expect(emailRetentionSchema.parse({ days: '1' })).toEqual({ days: 1 });
    expect(emailRetentionSchema.parse({ days: '3650' })).toEqual({ days: 3650 });
    for (const days of ['0', '-5', '3651', '1.5', 'ninety', '', '1e9']) {
      const result = emailRetentionSchema.safeParse({ days });
      expect(result.success, days).toBe(false);
      expect(result.error?.issues[0], days).toMatchObject({
        path: ['days'],
        message: 'emailRetention',
      });
    }
  });

  it('stores nothing out of range when called without the form’s check', async () => {
    const { db } = database().handle;
    await setEmailRetention(db, { days: 45, actor: testSetupActor });
    for (const days of [0, 3651, 1.5]) {
      await expect(
        setEmailRetention(db, { days, actor: testSetupActor }),
        String(days),
      ).rejects.toThrow();
    }
    expect(await readEmailRetentionDays(db)).toBe(45);
  });

  it('recreates the settings row when it was removed by hand', async () => {
    const { db } = database().handle;
    await db.delete(hostSettings).where(eq(hostSettings.id, 1));
    expect(await readEmailRetentionDays(db)).toBe(90);
    await setEmailRetention(db, { days: 120, actor: testSetupActor });
    const rows = await db
      .select({ days: hostSettings.emailRetentionDays, hostName: hostSettings.hostName })
      .from(hostSettings);
    expect(rows).toEqual([{ days: 120, hostName: 'Gatehouse' }]);
  });
});
