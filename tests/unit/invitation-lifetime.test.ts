import { describe, expect, it } from 'vitest';
import { invitationLifetimeSchema } from '@/lib/host/invitation-lifetime';

describe('invitationLifetimeSchema', () => {
  it('converts days to hours and accepts 1 hour to 30 days', () => {
    expect(invitationLifetimeSchema.parse({ amount: '3', unit: 'days' })).toEqual({ hours: 72 });
    expect(invitationLifetimeSchema.parse({ amount: '1', unit: 'hours' })).toEqual({ hours: 1 });
    expect(invitationLifetimeSchema.parse({ amount: '30', unit: 'days' })).toEqual({ hours: 720 });
    expect(invitationLifetimeSchema.parse({ amount: '720', unit: 'hours' })).toEqual({
      hours: 720,
    });
  });

  it('refuses zero, fractions, text, more than 30 days and unknown units', () => {
    for (const values of [
      { amount: '0', unit: 'hours' },
      { amount: '1.5', unit: 'days' },
      { amount: 'soon', unit: 'days' },
      { amount: '31', unit: 'days' },
      { amount: '721', unit: 'hours' },
      { amount: '', unit: 'hours' },
    ]) {
      const result = invitationLifetimeSchema.safeParse(values);
      expect(result.success, JSON.stringify(values)).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({
        path: ['amount'],
        message: 'invitationLifetime',
      });
    }
    expect(invitationLifetimeSchema.safeParse({ amount: '2', unit: 'weeks' }).success).toBe(false);
  });
});
