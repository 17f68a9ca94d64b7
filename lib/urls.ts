// The deployment's own address, from configuration only — never from the request's Host or
// X-Forwarded-Host header, which a client can forge (PRODUCT.md "Deployments").

/** The base URL every link in the console and in emails starts with, without a trailing slash. */
export function appBaseUrl(): string {
  const configured = process.env.APP_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return `http://localhost:${process.env.PORT || '3000'}`;
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
