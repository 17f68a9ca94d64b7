import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { outbox, outboxStatusEnum } from '@/db/schema';

export interface OutboxFigures {
  /** Every email in the outbox by status: each count an index-only read of its status. */
  byStatus: Record<(typeof outboxStatusEnum.enumValues)[number], number>;
  /** How long the oldest email still waiting to go out (queued or sending) has waited. */
  oldestWaitingSeconds: number;
}

/**
 * The outbox as the database holds it, so that every instance scraped reports the same figures
 * (a process's own counters differ from instance to instance; these must not).
 */
export async function readOutboxFigures(db: Database, now = new Date()): Promise<OutboxFigures> {
  const statuses = outboxStatusEnum.enumValues;
  const [counts, [oldest]] = await Promise.all([
    Promise.all(
      statuses.map(async (status) => {
        const [row] = await db
          .select({ count: sql<number>`count(*)::int` })
          .from(outbox)
          .where(eq(outbox.status, status));
        return [status, row?.count ?? 0] as const;
      }),
    ),
    db
      .select({ at: outbox.createdAt })
      .from(outbox)
      .where(inArray(outbox.status, ['queued', 'sending']))
      .orderBy(asc(outbox.createdAt))
      .limit(1),
  ]);
  return {
    byStatus: Object.fromEntries(counts) as OutboxFigures['byStatus'],
    oldestWaitingSeconds: oldest ? Math.max(0, (now.getTime() - oldest.at.getTime()) / 1000) : 0,
  };
}
