import { describe, expect, it } from 'vitest';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { proxyHops, vouchForClientAddress } from '@/lib/auth/forwarded-for.mjs';
import { withEnvironment } from '../support/with-environment';

const withEnv = withEnvironment(['PROXY_HOPS', 'VERCEL']);

/** What the app reads for a request with `sent` headers from `peer`, through npm start's server. */
function clientOf(sent: Record<string, string>, peer: string | undefined) {
  const headers: Record<string, string | string[] | undefined> = { ...sent };
  vouchForClientAddress(headers, peer, proxyHops(process.env.PROXY_HOPS));
  return { headers, client: clientAddressFrom(new Headers(headers as Record<string, string>)) };
}

describe('the client address behind npm start', () => {
  it('is the TCP peer by default, whatever the client wrote', () => {
    withEnv({});
    const { headers, client } = clientOf(
      {
        'x-forwarded-for': '198.51.100.1, 198.51.100.2',
        'x-real-ip': '198.51.100.3',
        'x-vercel-forwarded-for': '198.51.100.4',
        'cf-connecting-ip': '198.51.100.5',
      },
      '::ffff:192.0.2.10',
    );
    expect(client).toBe('192.0.2.10');
    expect(headers).toEqual({ 'x-forwarded-for': '192.0.2.10' });
    expect(clientOf({}, '2001:db8::7').client).toBe('2001:db8::7');
  });

  it('with PROXY_HOPS=1 is the address the proxy appended, not the ones before it', () => {
    withEnv({ PROXY_HOPS: '1' });
    const { headers, client } = clientOf(
      { 'x-forwarded-for': 'forged, 203.0.113.7' },
      '10.0.0.2', // the proxy
    );
    expect(client).toBe('203.0.113.7');
    expect(headers['x-forwarded-for']).toBe('203.0.113.7, 10.0.0.2');
    // A request that reached the app past the proxy counts as its peer.
    expect(clientOf({}, '198.51.100.9').client).toBe('198.51.100.9');
  });

  it('with PROXY_HOPS=2 is the address the outer of two proxies appended', () => {
    withEnv({ PROXY_HOPS: '2' });
    expect(
      clientOf({ 'x-forwarded-for': 'forged, 203.0.113.7, 10.0.0.1' }, '10.0.0.2').client,
    ).toBe('203.0.113.7');
  });

  it('reads PROXY_HOPS as a whole number of proxies, else none', () => {
    expect([undefined, '', '0', '-1', '1.5', 'two', ' 3 '].map(proxyHops)).toEqual([
      0, 0, 0, 0, 0, 0, 3,
    ]);
  });
});

describe('the client address on Vercel', () => {
  it("is the platform's own header, never X-Forwarded-For as sent", () => {
    withEnv({ VERCEL: '1' });
    const headers = (values: Record<string, string>) => new Headers(values);
    expect(
      clientAddressFrom(
        headers({ 'x-vercel-forwarded-for': '203.0.113.7', 'x-forwarded-for': '198.51.100.1' }),
      ),
    ).toBe('203.0.113.7');
    expect(
      clientAddressFrom(headers({ 'x-real-ip': '203.0.113.8', 'x-forwarded-for': '198.51.100.1' })),
    ).toBe('203.0.113.8');
    expect(clientAddressFrom(headers({ 'x-forwarded-for': '198.51.100.1' }))).toBeNull();
  });
});
