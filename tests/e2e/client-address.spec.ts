import { like } from 'drizzle-orm';
import { throttle } from '@/db/schema';
import { expect, test } from '../support/e2e-fixtures';
import { signInOverHttp, type SignInOutcome } from '../support/credentials-sign-in';
import { startOwnInstance, type OwnInstance } from '../support/own-instance';

// The per-client sign-in limit (lib/auth/sign-in-throttle.ts) counts failures per client
// address, so that address must be one the client cannot choose. Each test has an instance of
// its own: it blocks its client (this machine) for 15 minutes.
const clientLimit = 20;
const attempts = 25;

/** 25 wrong sign-ins, each for its own address (the per-email limit never applies). */
async function spray(url: string, headers: (n: number) => Record<string, string>) {
  const outcomes: SignInOutcome[] = [];
  for (let n = 1; n <= attempts; n++) {
    outcomes.push(
      await signInOverHttp(url, {
        email: `spray${n}@example.test`,
        password: 'not the password',
        headers: headers(n),
      }),
    );
  }
  return outcomes;
}

const blockedAfterTheLimit: SignInOutcome[] = [
  ...Array<SignInOutcome>(clientLimit - 1).fill('invalid'),
  ...Array<SignInOutcome>(attempts - clientLimit + 1).fill('throttled'),
];

async function clientKeys(instance: OwnInstance) {
  const rows = await instance.database.db
    .select({ key: throttle.key })
    .from(throttle)
    .where(like(throttle.key, 'sign-in:client:%'));
  return rows.map(({ key }) => key);
}

test.describe('with no proxy configured (the default)', () => {
  let instance: OwnInstance;
  test.beforeAll(async () => {
    instance = await startOwnInstance('client_address_direct');
  });
  test.afterAll(async () => instance?.stop());

  test('a client forging a new X-Forwarded-For each time is throttled all the same', async () => {
    const outcomes = await spray(instance.url, (n) => ({
      'x-forwarded-for': `198.51.100.${n}`,
      'x-real-ip': `192.0.2.${n}`,
    }));
    expect(outcomes).toEqual(blockedAfterTheLimit);
    // Counted against the TCP peer alone: none of the forged addresses.
    const keys = await clientKeys(instance);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^sign-in:client:(::ffff:)?127\.0\.0\.1$/);
  });
});

test.describe('behind one proxy (PROXY_HOPS=1)', () => {
  let instance: OwnInstance;
  test.beforeAll(async () => {
    instance = await startOwnInstance('client_address_proxy', { PROXY_HOPS: '1' });
  });
  test.afterAll(async () => instance?.stop());

  test('the address the proxy appended counts, not the ones the client wrote', async () => {
    // This test is the proxy: it appends the client's address, 203.0.113.7, after whatever
    // the client sent, which changes every time.
    const outcomes = await spray(instance.url, (n) => ({
      'x-forwarded-for': `198.51.100.${n}, 203.0.113.7`,
    }));
    expect(outcomes).toEqual(blockedAfterTheLimit);
    expect(await clientKeys(instance)).toEqual(['sign-in:client:203.0.113.7']);

    // Another client behind the same proxy is not blocked.
    expect(
      await signInOverHttp(instance.url, {
        email: 'someone-else@example.test',
        password: 'not the password',
        headers: { 'x-forwarded-for': '203.0.113.7, 203.0.113.8' },
      }),
    ).toBe('invalid');
  });
});
