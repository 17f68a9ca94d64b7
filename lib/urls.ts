// The deployment's own address, from configuration only — never from the request's Host or
// X-Forwarded-Host header, which a client can forge (PRODUCT.md "Deployments").

import { deploymentUrlSettings } from '@/lib/env';

/** A host name a platform gives without a scheme (`my-app-git-x.vercel.app`), as a URL. */
function httpsUrl(hostOrUrl: string | undefined): string | null {
  const value = hostOrUrl?.trim();
  if (!value) return null;
  return /^https?:\/\//.test(value) ? value : `https://${value}`;
}

/**
 * The base URL every link in the console and in emails starts with, without a trailing slash:
 * `APP_URL` when set; else, on a Vercel-style platform, the production URL in production and
 * the branch (or deployment) URL on a preview; else `http://localhost:<PORT>`.
 */
export function appBaseUrl(): string {
  const env = deploymentUrlSettings();
  const platform =
    env.vercelEnv === 'production'
      ? (httpsUrl(env.vercelProjectProductionUrl) ?? httpsUrl(env.vercelUrl))
      : env.vercelEnv
        ? (httpsUrl(env.vercelBranchUrl) ?? httpsUrl(env.vercelUrl))
        : null;
  const base = env.appUrl?.trim() || platform || `http://localhost:${env.port || '3000'}`;
  return base.replace(/\/+$/, '');
}

/** An absolute link to `path` (which starts with `/`) on this deployment. */
export function appUrl(path: string, query?: Record<string, string>): string {
  const url = new URL(appBaseUrl() + path);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  return url.toString();
}

/** Whether the deployment is served over https (secure cookies, HSTS). */
export function isHttpsDeployment(): boolean {
  return appBaseUrl().startsWith('https://');
}
