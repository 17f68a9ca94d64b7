import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { withEnvironment } from '../support/with-environment';

const withEnv = withEnvironment(['APP_URL', 'PORT']);

// Values a link could carry in ?callbackUrl=, as the page receives them (already decoded).
const offSiteOrUnusable: unknown[] = [
  undefined,
  null,
  '',
  'dashboard',
  '//evil.example/phish',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  // Browsers drop tabs and line breaks inside URLs: these become //evil.example/phish.
  '/\t/evil.example/phish',
  '/\n/evil.example/phish',
  '/\r\n/evil.example',
  '\t//evil.example',
  // Dot segments the URL parser resolves to a path that starts with //.
  '/..//evil.example',
  '/%2e%2e//evil.example',
  '/./\t/evil.example',
  // Control, format and space characters of any kind.
  '/users\u0000',
  '/users\u007f',
  '/users\u0085',
  '/users\u3000',
  '/\u3000/evil.example',
  '/users\u202e',
  ' /users',
  '/users /x',
  'https://evil.example/dashboard',
  'http://localhost:3000/dashboard',
  'javascript:alert(1)',
  '/' + 'a'.repeat(3000),
  // A repeated ?callbackUrl= arrives as an array; other types from other callers.
  ['/users', '/settings'],
  42,
  { toString: () => '/users' },
];

describe('safeReturnPath', () => {
  it('sends every off-site, malformed or unusable value to the dashboard', () => {
    withEnv({});
    for (const value of offSiteOrUnusable) {
      expect(safeReturnPath(value as string), JSON.stringify(value)).toBe('/dashboard');
    }
  });

  it('keeps a path on this site with its query and fragment', () => {
    withEnv({ APP_URL: 'https://gatehouse.example.com/' });
    for (const path of [
      '/settings/smtp',
      '/accounts/3f1c/users?q=ada%40example.com&page=2',
      '/users?next=//evil.example',
      '/profile#password',
      '/',
    ]) {
      expect(safeReturnPath(path)).toBe(path);
    }
  });

  it('returns the path as the URL parser writes it, percent-encoded', () => {
    withEnv({});
    expect(safeReturnPath('/accounts/ä?q=ö')).toBe('/accounts/%C3%A4?q=%C3%B6');
    expect(safeReturnPath('/accounts/./x/../users')).toBe('/accounts/users');
  });
});
