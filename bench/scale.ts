// Scale: the same requests on a small, a medium and a large instance (10 / 1,000 / 10,000
// accounts; 10 / 10,000 / 100,000 users; 1,000 / 100,000 / 1,000,000 emails), seeded through
// SQL, on the production build with real PostgreSQL. For each request: the median and p95 at
// each size, and the ratio largest / smallest (target ≤ 1.5: an index lookup, whose cost does not
// grow with the table). Also the database's size per 1,000 users and per 1,000 emails.
// Run: npm run bench -- scale   (SCALE_SIZES=small,medium for a quicker look)
import { sql } from 'drizzle-orm';
import { claimEmails } from '@/lib/outbox/claim-emails';
import { hashPassword } from '@/lib/auth/passwords';
import { launchAppServer, waitForResponse, type AppServer } from '../tests/support/app-server';
import { createUser, signInCookie } from '../tests/support/e2e-users';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import { actionId, callFormAction } from '../tests/support/server-action';
import { createTestDatabase, type TestDatabase } from '../tests/support/test-database';
import { benchSecret, buildAppIfNeeded } from './support/bench-app';
import { percentile } from './support/percentile';
import { reportFigures } from './support/report';
import { ratio } from './support/timing';

const allSizes = [
  { label: 'small', accounts: 10, users: 10, emails: 1_000 },
  { label: 'medium', accounts: 1_000, users: 10_000, emails: 100_000 },
  { label: 'large', accounts: 10_000, users: 100_000, emails: 1_000_000 },
];
type Size = (typeof allSizes)[number];
const sizes = process.env.SCALE_SIZES
  ? allSizes.filter((size) => process.env.SCALE_SIZES!.split(',').includes(size.label))
  : allSizes;

const samples = 21;
const warmUp = 3;
const password = 'bench password that is long enough';
/** The member of many accounts: the header's picker and the dashboard for them. */
const memberAccounts = 1_000;

/**
 * Accounts named `Account 000001`…, each user `user0000001@scale.test` in one account (spread
 * evenly) and every tenth also in "Big account", so an account's Users page grows too; a
 * member of up to 1,000 accounts; emails to those users, of every kind, a hundredth failed, one
 * a second back in time; 50 queued for the claim.
 */
async function seed(database: TestDatabase, size: Size, passwordHash: string) {
  const { db } = database.handle;
  await db.execute(sql`
    insert into accounts (name, managed, status)
    select 'Account ' || lpad(n::text, 6, '0'), n % 10 <> 0,
           (case when n % 50 = 0 then 'deactivated' else 'active' end)::account_status
    from generate_series(1, ${size.accounts}) n`);
  await db.execute(sql`insert into accounts (name, managed) values ('Big account', true)`);
  await db.execute(sql`
    insert into users (email, status, password_hash)
    select 'user' || lpad(n::text, 7, '0') || '@scale.test', 'active', ${passwordHash}
    from generate_series(1, ${size.users}) n`);
  await db.execute(sql`
    insert into account_memberships (user_id, account_id, role)
    select u.id, a.id, (array['admin','standard','view'])[1 + u.n % 3]::role
    from (select id, row_number() over (order by email) as n from users
          where email like '%@scale.test') u
    join (select id, row_number() over (order by name) as n from accounts
          where name like 'Account %') a on a.n = 1 + u.n % ${size.accounts}`);
  await db.execute(sql`
    insert into account_memberships (user_id, account_id, role)
    select u.id, (select id from accounts where name = 'Big account'), 'view'
    from (select id, row_number() over (order by email) as n from users
          where email like '%@scale.test') u
    where u.n % 10 = 1`);
  await db.execute(sql`
    insert into outbox (recipient, kind, language, status, attempts, created_at, updated_at,
                        sent_at, next_attempt_at)
    select 'user' || lpad((1 + n % ${size.users})::text, 7, '0') || '@scale.test',
           (array['invitation','invitation-regenerated','password-reset','password-changed'])[1 + n % 4],
           'en', (case when n % 100 = 0 then 'failed' else 'sent' end)::outbox_status, 1,
           now() - n * interval '1 second', now() - n * interval '1 second',
           now() - n * interval '1 second', now() - n * interval '1 second'
    from generate_series(1, ${size.emails}) n`);
  // Vacuumed, analysed and checkpointed now: left to autovacuum, a million fresh rows get
  // vacuumed in the middle of the measurements and slow every request of the largest size.
  await db.execute(sql`vacuum (analyze)`);
  await db.execute(sql`checkpoint`);
}

/** A user with a view role in the first `count` accounts, by name. */
async function memberOf(database: TestDatabase, count: number) {
  const member = await createUser(database.handle, { hostRole: null });
  await database.handle.db.execute(sql`
    insert into account_memberships (user_id, account_id, role)
    select ${member.id}, id, 'view' from accounts where name like 'Account %'
    order by name limit ${count}`);
  return member;
}

/** `work` timed `samples` times after `warmUp` untimed runs; `reset` (untimed) after each. */
async function timed(
  work: () => Promise<void>,
  reset: () => Promise<void> = async () => {},
): Promise<{ median: number; p95: number }> {
  for (let n = 0; n < warmUp; n++) {
    await work();
    await reset();
  }
  const times: number[] = [];
  for (let n = 0; n < samples; n++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
    await reset();
  }
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

async function get(server: AppServer, path: string, cookie: string, expect: string) {
  const response = await fetch(`${server.url}${path}`, {
    headers: { cookie, accept: 'text/html' },
    redirect: 'manual',
  });
  const text = await response.text();
  if (response.status !== 200 || !text.includes(expect)) {
    throw new Error(`${path} answered ${response.status} without "${expect}"`);
  }
}

/** The bench's database is PostgreSQL (postgres.js): a result is its rows. */
function rows<Row>(result: unknown): Row[] {
  return result as Row[];
}

type Measures = Map<string, { median: number; p95: number }>;

async function measure(cluster: { url(): string }, size: Size, passwordHash: string) {
  const database = await createTestDatabase(cluster.url(), `bench_scale_${size.label}`);
  const seeding = performance.now();
  await seed(database, size, passwordHash);
  console.log(`seeded ${size.label} in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  const server = await launchAppServer({
    DATABASE_URL: database.url,
    APP_SECRET: benchSecret,
    PROXY_HOPS: '1',
  });
  const measures: Measures = new Map();
  try {
    await waitForResponse(server);
    const { db } = database.handle;
    const admin = await createUser(database.handle, { hostRole: 'admin' });
    const cookie = await signInCookie(database.handle, admin, benchSecret);
    const member = await memberOf(database, Math.min(size.accounts, memberAccounts));
    const memberCookie = await signInCookie(database.handle, member, benchSecret);
    const [big] = rows<{ id: string }>(
      await db.execute(sql`select id from accounts where name = 'Big account'`),
    );
    const middle = String(Math.ceil(size.users / 2)).padStart(7, '0');
    const middleAccount = `Account ${String(Math.ceil(size.accounts / 2)).padStart(6, '0')}`;
    // The oldest page of the delivery log starts after the 51st-oldest email.
    const [oldest] = rows<{ key: string }>(
      await db.execute(sql`
      select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || id as key
      from outbox order by created_at, id offset 50 limit 1`),
    );

    const pages: [string, string, string, string?][] = [
      ['Accounts, first page', '/accounts', 'Account 000001'],
      ['Accounts, last page', '/accounts?before=zzzz', 'Big account'],
      [
        'Accounts, search for one',
        `/accounts?q=${encodeURIComponent(middleAccount)}`,
        middleAccount,
      ],
      ['Users, first page', '/users', 'user0000001@scale.test'],
      ['Users, last page', '/users?before=zzzz', `user${String(size.users).padStart(7, '0')}@`],
      ['Users, search for one', `/users?q=user${middle}`, `user${middle}@`],
      ["Big account's Users, first page", `/accounts/${big!.id}/users`, 'user0000001@scale.test'],
      ["Big account's Users, last page", `/accounts/${big!.id}/users?before=zzzz`, '@scale.test'],
      [
        "Big account's Users, search for one",
        `/accounts/${big!.id}/users?q=user0000001@`,
        'user0000001@',
      ],
      ['Email delivery, first page', '/settings/delivery', 'user0000002@scale.test'],
      [
        'Email delivery, last page',
        `/settings/delivery?after=${encodeURIComponent(oldest!.key)}`,
        '@scale.test',
      ],
      [
        'Email delivery, search for one recipient',
        `/settings/delivery?q=user${middle}@`,
        `user${middle}@`,
      ],
      ['Dashboard, host admin', '/dashboard', 'Dashboard'],
      [
        `Dashboard, member of ${memberAccounts.toLocaleString('en')} accounts (at most)`,
        '/dashboard',
        'Account 000001',
        memberCookie,
      ],
    ];
    for (const [name, path, expect, asWho] of pages) {
      measures.set(name, await timed(() => get(server, path, asWho ?? cookie, expect)));
    }

    // Sign-in: next-auth's credentials POST with its CSRF token (untimed), a seeded user.
    let client = 0;
    measures.set(
      'Sign-in (credentials POST)',
      await timed(async () => {
        client++;
        const forwardedFor = `10.9.${(client >> 8) & 255}.${client & 255}`;
        const csrf = await fetch(`${server.url}/api/auth/csrf`, {
          headers: { 'x-forwarded-for': forwardedFor },
        });
        const { csrfToken } = (await csrf.json()) as { csrfToken: string };
        const csrfCookie = csrf.headers
          .getSetCookie()
          .map((line) => line.split(';')[0])
          .join('; ');
        const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: csrfCookie,
            'x-forwarded-for': forwardedFor,
          },
          body: new URLSearchParams({
            email: `user${middle}@scale.test`,
            password,
            csrfToken,
            callbackUrl: `${server.url}/dashboard`,
            json: 'true',
          }),
        });
        await response.text();
        if (
          !response.headers.getSetCookie().some((line) => line.startsWith('gatehouse.session='))
        ) {
          throw new Error(`sign-in failed: ${response.status}`);
        }
      }),
    );

    const invite = actionId('app/(console)/users/actions.ts', 'inviteUserAction');
    let invited = 0;
    measures.set(
      'Invite a user (server action)',
      await timed(async () => {
        const { status, text } = await callFormAction({
          url: `${server.url}/users`,
          id: invite,
          cookie,
          fields: {
            email: `invited-${invited++}@scale.test`,
            language: 'en',
            type: 'host',
            hostRole: 'view',
            accounts: '[]',
          },
        });
        if (status !== 200 || !text.includes('/invite/')) throw new Error(`invite: ${status}`);
      }),
    );

    // The outbox claim of a batch of 50 among all the sent ones, put back (untimed) after each.
    await db.execute(sql`
      insert into outbox (recipient, kind, language, status)
      select 'queued' || n || '@scale.test', 'invitation', 'en', 'queued'
      from generate_series(1, 50) n`);
    let claimedIds: string[] = [];
    measures.set(
      'Outbox claim of a batch of 50',
      await timed(
        async () => {
          const claimed = await claimEmails(db, { limit: 50, leaseMs: 60_000 });
          if (claimed.length !== 50) throw new Error(`claimed ${claimed.length}`);
          claimedIds = claimed.map((email) => email.id);
        },
        async () => {
          await db.execute(sql`
            update outbox set status = 'queued', lease_until = null
            where id in (${sql.join(
              claimedIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`);
        },
      ),
    );

    const [bytes] = rows<{ users: string; emails: string }>(
      await db.execute(sql`
      select pg_total_relation_size('users') + pg_total_relation_size('account_memberships') as users,
             pg_total_relation_size('outbox') as emails`),
    );
    return { measures, bytes: { users: Number(bytes!.users), emails: Number(bytes!.emails) } };
  } finally {
    await server.stop();
    await database.drop();
  }
}

async function main() {
  buildAppIfNeeded();
  const passwordHash = await hashPassword(password);
  const cluster = await startPostgresCluster();
  try {
    const results: { size: Size; measures: Measures; bytes: { users: number; emails: number } }[] =
      [];
    for (const size of sizes) {
      results.push({ size, ...(await measure(cluster, size, passwordHash)) });
    }
    const smallest = results[0]!;
    const largest = results.at(-1)!;
    const sizeNames = results.map((result) => result.size.label).join(' / ');
    const figures = [...smallest.measures.keys()].flatMap((name) =>
      (['median', 'p95'] as const).map((which) => {
        const values = results.map((result) => result.measures.get(name)![which]);
        return {
          figure: `${which === 'median' ? name : '  same'}, ${which} (ms), ${sizeNames}`,
          ours: Number(values.at(-1)!.toFixed(1)),
          baseline: Number(values[0]!.toFixed(1)),
          ratio: ratio(values.at(-1)!, values[0]!),
          target: '≤ 1.5',
          sizes: values.map((value) => Number(value.toFixed(1))).join(' / '),
          // The small instance's lists hold fewer rows than a page (10 accounts, 11 users, one
          // member of Big account): from medium on every list fills its page, so this ratio is
          // the growth with the tables alone.
          largeOverMedium: values.length > 2 ? ratio(values.at(-1)!, values.at(-2)!) : '',
        };
      }),
    );
    const perThousand = (bytes: number, count: number) =>
      Number((bytes / (count / 1000) / 1024).toFixed(0));
    figures.push(
      {
        figure: `Database size per 1,000 users, with memberships (KiB), ${largest.size.users.toLocaleString('en')} users`,
        ours: perThousand(largest.bytes.users, largest.size.users),
        baseline: perThousand(smallest.bytes.users, smallest.size.users),
        ratio: ratio(
          perThousand(largest.bytes.users, largest.size.users),
          perThousand(smallest.bytes.users, smallest.size.users),
        ),
        target: '(shown)',
        sizes: '',
        largeOverMedium: '',
      },
      {
        figure: `Database size per 1,000 emails (KiB), ${largest.size.emails.toLocaleString('en')} emails`,
        ours: perThousand(largest.bytes.emails, largest.size.emails),
        baseline: perThousand(smallest.bytes.emails, smallest.size.emails),
        ratio: ratio(
          perThousand(largest.bytes.emails, largest.size.emails),
          perThousand(smallest.bytes.emails, smallest.size.emails),
        ),
        target: '(shown)',
        sizes: '',
        largeOverMedium: '',
      },
    );
    reportFigures('scale', figures);
  } finally {
    cluster.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
