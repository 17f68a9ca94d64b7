import { describe, expect, it } from 'vitest';
import { sessions, throttle, users } from '@/db/schema';
import { sweepExpiredRows } from '@/lib/maintenance/sweep-expired-rows';
import { withTestDatabase } from '../support/with-test-database';

const database = withTestDatabase('expired_rows_sweep');
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe('sweepExpiredRows', () => {
  it('deletes only sessions and throttle rows that are over, a bounded number per run', async () => {
    const { db } = database().handle;
    const [user] = await db
      .insert(users)
      .values({
        email: 'sweep@example.test',
        status: 'active',
        hostRole: 'view',
        passwordHash: 'x',
      })
      .returning({ id: users.id });
    const session = (tokenHash: string, lastSeenAt: Date, expiresAt: Date) => ({
      tokenHash,
      userId: user!.id,
      lastSeenAt,
      expiresAt,
    });
    await db.insert(sessions).values([
      session('live', minutes(-5), minutes(60 * 24)),
      session('live-2', minutes(-11 * 60), minutes(60)),
      // Past the absolute limit, or idle longer than 12 hours (SESSION_IDLE_HOURS' default).
      ...[1, 2, 3].map((n) => session(`expired-${n}`, minutes(-5), minutes(-n))),
      ...[1, 2].map((n) => session(`idle-${n}`, minutes(-13 * 60 - n), minutes(60))),
    ]);
    await db.insert(throttle).values([
      { key: 'window-running', attempts: 2, windowStartedAt: minutes(-5) },
      { key: 'blocked-now', attempts: 5, windowStartedAt: minutes(-120), blockedUntil: minutes(3) },
      // Windows and blocks all over: the same as no row at all.
      ...[1, 2, 3].map((n) => ({
        key: `old-${n}`,
        attempts: 3,
        windowStartedAt: minutes(-61 - n),
      })),
      ...[1, 2].map((n) => ({
        key: `block-ended-${n}`,
        attempts: 5,
        windowStartedAt: minutes(-120),
        blockedUntil: minutes(-n),
      })),
    ]);

    const runs = [];
    for (let run = 0; run < 4; run++) runs.push(await sweepExpiredRows(db, { limit: 2 }));
    // Nothing else to sweep here (tests/integration/retention-sweep.test.ts has the rest).
    const others = { emails: 0, invitations: 0, resets: 0, signInChallenges: 0, auditEvents: 0 };
    expect(runs).toEqual([
      { sessions: 2, throttle: 2, ...others },
      { sessions: 2, throttle: 2, ...others },
      { sessions: 1, throttle: 1, ...others },
      { sessions: 0, throttle: 0, ...others },
    ]);
    const left = await db.select({ tokenHash: sessions.tokenHash }).from(sessions);
    expect(left.map((row) => row.tokenHash).sort()).toEqual(['live', 'live-2']);
    const kept = await db.select({ key: throttle.key }).from(throttle);
    expect(kept.map((row) => row.key).sort()).toEqual(['blocked-now', 'window-running']);
  });
});
