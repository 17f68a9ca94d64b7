import { describe, expect, it } from 'vitest';
import { appBaseUrl, appUrl, isHttpsDeployment } from '@/lib/urls';
import { withEnvironment } from '../support/with-environment';

// Every variable appBaseUrl reads; each test sets its own and the rest stay unset.
const withEnv = withEnvironment([
  'APP_URL',
  'PORT',
  'VERCEL_ENV',
  'VERCEL_URL',
  'VERCEL_BRANCH_URL',
  'VERCEL_PROJECT_PRODUCTION_URL',
]);

const vercel = {
  VERCEL_URL: 'gatehouse-k2j4h1.vercel.app',
  VERCEL_BRANCH_URL: 'gatehouse-git-feature-nordlicht.vercel.app',
  VERCEL_PROJECT_PRODUCTION_URL: 'console.nordlicht.example',
};

describe('appBaseUrl', () => {
  it('is http://localhost with the port when nothing is configured', () => {
    withEnv({ PORT: '4123' });
    expect(appBaseUrl()).toBe('http://localhost:4123');
    withEnv({});
    expect(appBaseUrl()).toBe('http://localhost:3000');
    expect(isHttpsDeployment()).toBe(false);
  });

  it('takes APP_URL first, without its trailing slashes, over any platform variable', () => {
    withEnv({ APP_URL: 'https://gatehouse.example.com//', VERCEL_ENV: 'preview', ...vercel });
    expect(appBaseUrl()).toBe('https://gatehouse.example.com');
  });

  it('links a preview to its branch URL, or its deployment URL without one, over https', () => {
    withEnv({ VERCEL_ENV: 'preview', ...vercel });
    expect(appBaseUrl()).toBe('https://gatehouse-git-feature-nordlicht.vercel.app');
    withEnv({ VERCEL_ENV: 'preview', VERCEL_URL: vercel.VERCEL_URL });
    expect(appBaseUrl()).toBe('https://gatehouse-k2j4h1.vercel.app');
    expect(isHttpsDeployment()).toBe(true);
  });

  it('links production to the production URL, never a deployment URL', () => {
    withEnv({ VERCEL_ENV: 'production', ...vercel });
    expect(appBaseUrl()).toBe('https://console.nordlicht.example');
    expect(appUrl('/reset/abc')).toBe('https://console.nordlicht.example/reset/abc');
  });

  it('falls back to localhost when a platform names no URL', () => {
    withEnv({ VERCEL_ENV: 'preview', PORT: '3005' });
    expect(appBaseUrl()).toBe('http://localhost:3005');
  });
});
