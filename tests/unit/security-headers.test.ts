import { getScriptNonceFromHeader } from 'next/dist/server/app-render/get-script-nonce-from-header';
import { describe, expect, it } from 'vitest';
import {
  createNonce,
  holdsTokenInUrl,
  HSTS_VALUE,
  securityHeaders,
  TOKEN_IN_URL_PATHS,
} from '@/lib/security/security-headers';

const nonce = 'bm9uY2UtZm9yLXRlc3Rz';
const page = { pathname: '/dashboard', nonce, https: false, development: false };

/** The CSP as directive name → sources, so tests don't depend on the order. */
function directives(policy: string | undefined): Map<string, string[]> {
  expect(policy).toBeDefined();
  return new Map(
    (policy ?? '').split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('securityHeaders on a page', () => {
  it('sends the full header set, without HSTS on http', () => {
    const { response } = securityHeaders(page);
    expect(response).toEqual({
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self' 'nonce-bm9uY2UtZm9yLXRlc3Rz' 'strict-dynamic'; " +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
  });

  it('hands Next the same policy and the nonce on the request', () => {
    const { request, response } = securityHeaders(page);
    expect(request).toEqual({
      'Content-Security-Policy': response['Content-Security-Policy'],
      'x-nonce': nonce,
    });
    // Next stamps its scripts with the nonce it parses from this header.
    expect(getScriptNonceFromHeader(request['Content-Security-Policy'] ?? '')).toBe(nonce);
  });

  it('allows unsafe-eval only under next dev', () => {
    const production = directives(securityHeaders(page).response['Content-Security-Policy']);
    expect(production.get('script-src')).not.toContain("'unsafe-eval'");
    expect([...production.values()].flat()).not.toContain("'unsafe-eval'");

    const development = directives(
      securityHeaders({ ...page, development: true }).response['Content-Security-Policy'],
    );
    expect(development.get('script-src')).toEqual([
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      "'unsafe-eval'",
    ]);
  });

  it('never lets the page be framed', () => {
    const { response } = securityHeaders(page);
    expect(directives(response['Content-Security-Policy']).get('frame-ancestors')).toEqual([
      "'none'",
    ]);
    expect(response['X-Frame-Options']).toBe('DENY');
  });

  it('adds HSTS when the deployment is https', () => {
    expect(securityHeaders({ ...page, https: true }).response['Strict-Transport-Security']).toBe(
      'max-age=63072000; includeSubDomains',
    );
    expect(HSTS_VALUE).toBe('max-age=63072000; includeSubDomains');
    expect(securityHeaders(page).response).not.toHaveProperty('Strict-Transport-Security');
  });
});

describe('Referrer-Policy', () => {
  it.each(['/setup', '/setup/', '/invite/abc', '/invite/abc/accept', '/reset/abc'])(
    '%s holds a token: no-referrer',
    (pathname) => {
      expect(holdsTokenInUrl(pathname)).toBe(true);
      expect(securityHeaders({ ...page, pathname }).response['Referrer-Policy']).toBe(
        'no-referrer',
      );
    },
  );

  it.each(['/', '/dashboard', '/settings', '/setups', '/invited', '/resetting', '/users/invite'])(
    '%s holds none: strict-origin-when-cross-origin',
    (pathname) => {
      expect(holdsTokenInUrl(pathname)).toBe(false);
      expect(securityHeaders({ ...page, pathname }).response['Referrer-Policy']).toBe(
        'strict-origin-when-cross-origin',
      );
    },
  );

  it('keeps the token pages in one list', () => {
    expect(TOKEN_IN_URL_PATHS).toEqual(['/setup', '/invite', '/reset']);
  });
});

describe('securityHeaders on a route handler', () => {
  it('sends the headers that matter for data, with no CSP and no nonce', () => {
    const headers = securityHeaders({ ...page, pathname: '/api/health', https: true });
    expect(headers).toEqual({
      response: {
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
      },
      request: {},
    });
  });

  it('treats only /api and below as route handlers', () => {
    expect(securityHeaders({ ...page, pathname: '/apis' }).response).toHaveProperty(
      'Content-Security-Policy',
    );
  });
});

describe('createNonce', () => {
  it('makes a fresh base64 value of 128 bits each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const value of nonces) {
      expect(value).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(value, 'base64')).toHaveLength(16);
      expect(getScriptNonceFromHeader(`script-src 'nonce-${value}'`)).toBe(value);
    }
  });
});
