import { desc, sql, type SQLWrapper } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '@/db/schema';
import { deliveryListQuery } from '@/app/(console)/settings/delivery/delivery-list-params';
import { emailKinds } from '@/lib/outbox/email-kinds';
import {
  deliveryPageQueries,
  deliveryStatuses,
  listDeliveries,
  type DeliveryListQuery,
  type DeliveryPage,
} from '@/lib/outbox/list-deliveries';
import { withTestDatabase } from '../support/with-test-database';

// The delivery log in pages: by position in (created_at, id) order, newest first (never
// OFFSET), forward and back over the same rows though many share one instant, with search,
// filters, days and a total; and each page read through an index, not the whole table.

const database = withTestDatabase('delivery_list_pages');
const db = () => database().handle.db;

const query = (changes: Partial<DeliveryListQuery> = {}): DeliveryListQuery => ({
  recipient: '',
  kind: null,
  status: null,
  from: null,
  to: null,
  position: null,
  size: 25,
  ...changes,
});
const ids = (page: DeliveryPage) => page.rows.map((row) => row.id);

type Seeded = {
  id: string;
  recipient: string;
  kind: string;
  status: string;
  day: string;
};
/** Every seeded email, newest first, as the database orders them. */
let log: Seeded[] = [];

/** Every page of a query, following Next from the first. */
async function pagesOf(asked: DeliveryListQuery): Promise<DeliveryPage[]> {
  const pages = [await listDeliveries(db(), asked)];
  while (pages.at(-1)!.next) {
    pages.push(await listDeliveries(db(), { ...asked, position: pages.at(-1)!.next }));
  }
  return pages;
}

/** The ids a query finds over all its pages; each page also says the same total. */
async function found(asked: DeliveryListQuery): Promise<string[]> {
  const pages = await pagesOf(asked);
  const all = pages.flatMap(ids);
  expect(pages.every((page) => page.total === all.length && !page.totalIsAtLeast)).toBe(true);
  return all;
}

const expected = (keep: (row: Seeded) => boolean) => log.filter(keep).map((row) => row.id);

beforeAll(async () => {
  // 150 emails over three days; on each day five instants a microsecond apart (the same
  // millisecond, which a JS Date cannot tell apart), ten emails at each instant.
  await db().execute(sql`
    insert into outbox (recipient, kind, language, status, created_at)
    select
      'user' || n || '@' || (array['alpha.test', 'beta.test', 'gamma.test'])[n % 3 + 1],
      (${sql.raw(`array['${emailKinds.join("','")}']`)})[n % 4 + 1],
      'en',
      (${sql.raw(`array['${deliveryStatuses.join("','")}']`)})[n % 6 + 1]::outbox_status,
      timestamptz '2024-03-10 12:00:00.123456+00'
        - (n % 50 / 10) * interval '1 microsecond'
        - (n / 50) * interval '1 day'
    from generate_series(0, 149) as n`);
  // Addresses holding LIKE's wildcards, and their look-alikes, on a day of their own.
  await db().execute(sql`
    insert into outbox (recipient, kind, language, status, created_at)
    values
      ('100%_off@promo.test', 'invitation', 'en', 'sent', '2024-01-05 08:00:00+00'),
      ('100x_off@promo.test', 'invitation', 'en', 'sent', '2024-01-05 08:00:01+00'),
      ('100%xoff@promo.test', 'invitation', 'en', 'sent', '2024-01-05 08:00:02+00')`);
  log = await db()
    .select({
      id: outbox.id,
      recipient: outbox.recipient,
      kind: outbox.kind,
      status: outbox.status,
      day: sql<string>`to_char(${outbox.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(outbox.id));
});

describe('the delivery log in pages', () => {
  it('pages forward to the end and back to the start over the same rows, newest first', async () => {
    const forward = await pagesOf(query());
    expect(forward.map((page) => page.rows.length)).toEqual([25, 25, 25, 25, 25, 25, 3]);
    expect(forward.flatMap(ids)).toEqual(log.map((row) => row.id));
    expect(new Set(forward.flatMap(ids)).size).toBe(153);
    expect(forward[0]!.previous).toBeNull();
    expect(forward.every((page) => page.total === 153 && !page.totalIsAtLeast)).toBe(true);

    const backward: DeliveryPage[] = [forward.at(-1)!];
    while (backward.at(-1)!.previous) {
      backward.push(await listDeliveries(db(), query({ position: backward.at(-1)!.previous })));
    }
    expect(backward.map(ids)).toEqual([...forward].reverse().map(ids));
    expect(backward.at(-1)!.previous).toBeNull();
    expect(backward.at(-1)!.next).toEqual(forward[0]!.next);
  });

  it('keeps the microseconds in the position, so a page edge inside one millisecond loses nothing', async () => {
    const first = await listDeliveries(db(), query({ size: 25 }));
    // The 25th email shares its millisecond with the next 25, its instant with the next five.
    expect(first.next?.after).toMatch(/^2024-03-10T12:00:00\.12345\dZ_[0-9a-f-]{36}$/);
    const second = await listDeliveries(db(), query({ size: 25, position: first.next }));
    expect(ids(second)).toEqual(log.slice(25, 50).map((row) => row.id));
  });

  it('pages 50 and 100 at a time', async () => {
    expect((await pagesOf(query({ size: 50 }))).map((page) => page.rows.length)).toEqual([
      50, 50, 50, 3,
    ]);
    expect((await pagesOf(query({ size: 100 }))).map((page) => page.rows.length)).toEqual([
      100, 53,
    ]);
  });

  it('finds a recipient by any part of the address, in any case, with % and _ taken literally', async () => {
    expect(await found(query({ recipient: 'BETA.t' }))).toEqual(
      expected((row) => row.recipient.endsWith('@beta.test')),
    );
    expect(await found(query({ recipient: 'user1' }))).toEqual(
      expected((row) => row.recipient.startsWith('user1')),
    );
    const promo = (recipient: string) => expected((row) => row.recipient === recipient);
    expect(await found(query({ recipient: '100%_' }))).toEqual(promo('100%_off@promo.test'));
    expect(await found(query({ recipient: 'x_o' }))).toEqual(promo('100x_off@promo.test'));
    expect(await found(query({ recipient: '%x' }))).toEqual(promo('100%xoff@promo.test'));
    expect(await found(query({ recipient: 'no such address' }))).toEqual([]);
  });

  it('filters by kind and by status, paging within the filter', async () => {
    for (const kind of emailKinds) {
      expect(await found(query({ kind, size: 25 }))).toEqual(expected((row) => row.kind === kind));
    }
    for (const status of deliveryStatuses) {
      expect(await found(query({ status }))).toEqual(expected((row) => row.status === status));
    }
  });

  it('filters by UTC days, both included', async () => {
    expect(await found(query({ from: '2024-03-09', to: '2024-03-09' }))).toEqual(
      expected((row) => row.day === '2024-03-09'),
    );
    expect(await found(query({ from: '2024-03-09' }))).toEqual(
      expected((row) => row.day >= '2024-03-09'),
    );
    expect(await found(query({ to: '2024-03-08' }))).toEqual(
      expected((row) => row.day <= '2024-03-08'),
    );
    expect(await found(query({ from: '2024-03-10', to: '2024-03-08' }))).toEqual([]);
  });

  it('combines every filter', async () => {
    const asked = query({
      recipient: 'alpha',
      kind: 'invitation',
      status: 'queued',
      from: '2024-03-08',
      to: '2024-03-09',
      size: 25,
    });
    const want = expected(
      (row) =>
        row.recipient.includes('alpha') &&
        row.kind === 'invitation' &&
        row.status === 'queued' &&
        row.day >= '2024-03-08' &&
        row.day <= '2024-03-09',
    );
    expect(want.length).toBeGreaterThan(0);
    expect(await found(asked)).toEqual(want);
    const sent = await found({ ...asked, status: 'sent', kind: 'password-reset', size: 50 });
    expect(sent).toEqual(
      expected(
        (row) =>
          row.recipient.includes('alpha') &&
          row.kind === 'password-reset' &&
          row.status === 'sent' &&
          row.day >= '2024-03-08' &&
          row.day <= '2024-03-09',
      ),
    );
  });

  it('opens the first page for a position or a filter the address cannot mean', async () => {
    const top = ids(await listDeliveries(db(), query()));
    const valid = log[30]!;
    const someKey = (await listDeliveries(db(), query())).next!.after;
    for (const bad of [
      'nonsense',
      '',
      someKey.toUpperCase(),
      someKey.replace('2024-03-10', '2024-02-30'),
      someKey.replace('12:00', '24:00'),
      someKey.replace(/\.\d{6}/, '.123'),
      `${someKey}x`,
      `${someKey.split('_')[0]}_${valid.id.slice(1)}`,
      `'); drop table outbox; --_${valid.id}`,
    ]) {
      const parsed = deliveryListQuery({ after: bad, before: undefined } as never);
      expect(parsed.position, bad).toBeNull();
      // And should one reach the query unchecked, it reads from the top, not a 500.
      expect(ids(await listDeliveries(db(), query({ position: { after: bad } }))), bad).toEqual(
        top,
      );
    }
    expect(deliveryListQuery({ after: someKey } as never).position).toEqual({ after: someKey });
    expect(
      deliveryListQuery({
        q: ' Beta ',
        kind: 'bogus',
        status: ['held', 'sent'],
        from: '2024-02-30',
        to: 'yesterday',
        size: '7',
      } as never),
    ).toEqual(query({ recipient: 'Beta', status: 'held', size: 50 }));
    expect(
      deliveryListQuery({ from: '2024-02-29', to: '2024-03-01', kind: 'test' } as never),
    ).toMatchObject({ from: '2024-02-29', to: '2024-03-01', kind: null });
  });

  it('reads a later page, a status, a kind and a recipient search through their indexes', async () => {
    // A host's million emails, in short: mostly sent invitations, a few failed resets.
    await db().execute(sql`
      insert into outbox (recipient, kind, language, status, created_at)
      select 'bulk' || n || '@example.test',
        case when n % 500 = 0 then 'password-changed' else 'invitation' end, 'en',
        (case when n % 1000 = 0 then 'failed' else 'sent' end)::outbox_status,
        timestamptz '2023-06-01 00:00:00+00' + (n / 3) * interval '1 second'
      from generate_series(1, 30000) as n`);
    await db().execute(sql`analyze outbox`);
    // Forbidding a table scan asks whether an index can serve each statement at all.
    const plan = (statement: SQLWrapper) =>
      db().transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return JSON.stringify(await tx.execute(sql`explain ${statement}`));
      });
    const first = await listDeliveries(db(), query({ size: 50 }));
    const later = deliveryPageQueries(db(), query({ size: 50, position: first.next }));
    // The position is where the index range starts, not a filter over every row before it.
    expect(await plan(later.page)).toMatch(
      /outbox_log_order.*Index Cond: \(ROW\(created_at, id\) </,
    );
    const earlier = deliveryPageQueries(db(), query({ position: { before: first.next!.after } }));
    expect(await plan(earlier.page)).toContain('outbox_log_order');
    const failed = deliveryPageQueries(db(), query({ status: 'failed', position: first.next }));
    expect(await plan(failed.page)).toMatch(
      /outbox_status_log_order.*Index Cond: \(\(status = 'failed'::outbox_status\) AND \(ROW\(created_at, id\) </,
    );
    // Counting needs the status alone: any index leading with it (the sender's one, too) will do.
    expect(await plan(failed.total)).toMatch(
      /Index Only Scan using \w+ on outbox.*status = 'failed'/,
    );
    const changed = deliveryPageQueries(db(), query({ kind: 'password-changed' }));
    expect(await plan(changed.page)).toContain('outbox_kind_log_order');
    const search = deliveryPageQueries(db(), query({ recipient: 'bulk1234' }));
    expect(await plan(search.page)).toContain('outbox_recipient_search');
    expect(await plan(search.total)).toContain('outbox_recipient_search');
    // And the total stops counting at its limit.
    const everything = await listDeliveries(db(), query());
    expect(everything).toMatchObject({ total: 10_000, totalIsAtLeast: true });
  });
});
