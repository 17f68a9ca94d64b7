import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/database';

export interface ClaimedEmail {
  id: string;
  recipient: string;
  payloadEncrypted: string | null;
  attempts: number;
  createdAt: Date;
}

/**
 * The claim as one statement, apart so a test can EXPLAIN it: due emails are found through the
 * (status, …) indexes whatever the size of the log, never by reading the sent ones.
 */
export function claimStatement(options: { limit: number; leaseMs: number }) {
  return sql`
    update outbox
    set status = 'sending',
        lease_until = now() + ${options.leaseMs} * interval '1 millisecond',
        attempts = attempts + 1,
        updated_at = now()
    where id in (
      select id from outbox
      where (status = 'queued' and next_attempt_at <= now())
         or (status = 'sending' and lease_until < now())
      order by next_attempt_at
      limit ${options.limit}
      for update skip locked
    )
    returning id, recipient, payload_encrypted, attempts, created_at`;
}

/**
 * Claims up to `limit` due emails for this sender: queued ones whose time has come, and ones
 * whose sender's lease ran out (it crashed). SKIP LOCKED lets several senders claim at once
 * without waiting on, or taking, each other's rows.
 */
export async function claimEmails(
  db: Database,
  options: { limit: number; leaseMs: number },
): Promise<ClaimedEmail[]> {
  const result = await db.execute(claimStatement(options));
  // postgres.js returns the rows as the result; PGlite wraps them in `rows`.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    id: string;
    recipient: string;
    payload_encrypted: string | null;
    attempts: number;
    created_at: string | Date;
  }[];
  return rows.map((row) => ({
    id: row.id,
    recipient: row.recipient,
    payloadEncrypted: row.payload_encrypted,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
  }));
}
