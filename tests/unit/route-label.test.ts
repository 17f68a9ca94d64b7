import { describe, expect, it } from 'vitest';
import { methodLabel, routeMatcher } from '@/lib/metrics/route-label.mjs';
import { pageRoutes } from '../support/app-inventory';

// The HTTP metrics label a request by its route pattern: a token or id in the path, or a path
// nobody routes, never becomes a label of its own.

const routeOf = routeMatcher([
  '/dashboard',
  '/invite/[token]',
  '/accounts/[accountId]',
  '/accounts/[accountId]/users',
  '/api/auth/[...nextauth]',
  '/_not-found',
  '/',
]);

describe('routeMatcher', () => {
  it('names the pattern, not the path', () => {
    expect(routeOf('/invite/Xk3o9sQeLr-mZ4wP0aaaaaaaaaaaaaaaaaaaaaaaaaa')).toBe('/invite/[token]');
    expect(routeOf('/accounts/5b1c9e0e-0000-4000-8000-000000000001/users?q=a')).toBe(
      '/accounts/[accountId]/users',
    );
    expect(routeOf('/api/auth/callback/credentials')).toBe('/api/auth/[...nextauth]');
    expect(routeOf('/dashboard')).toBe('/dashboard');
    expect(routeOf('/')).toBe('/');
    expect(routeOf('/_next/static/chunks/app.js')).toBe('/_next');
  });

  it('puts every other path under one label', () => {
    expect(routeOf('/wp-login.php')).toBe('other');
    expect(routeOf('/invite')).toBe('other');
    expect(routeOf('/accounts/x/users/more')).toBe('other');
    expect(routeOf('/_not-found')).toBe('other');
    expect(routeOf(undefined)).toBe('/');
  });

  it("matches each of the app's pages to itself", () => {
    const ofApp = routeMatcher(pageRoutes());
    for (const route of pageRoutes()) {
      const path = route.replace(/\[[^\]]+\]/g, 'some-value');
      expect(ofApp(path), route).toBe(route);
    }
  });
});

describe('methodLabel', () => {
  it('keeps the usual methods and folds any other word', () => {
    expect(methodLabel('GET')).toBe('GET');
    expect(methodLabel('POST')).toBe('POST');
    expect(methodLabel('BREW')).toBe('other');
    expect(methodLabel(undefined)).toBe('other');
  });
});
