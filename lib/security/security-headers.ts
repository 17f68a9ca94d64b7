// The security headers every response carries, built as plain data so that proxy.ts only
// applies them and the rules can be tested without a server.

/**
 * Pages whose URL holds a secret token (`/setup?token=…`, `/invite/<token>`, `/reset/<token>`):
 * they answer with `Referrer-Policy: no-referrer`, so the token never leaves in a Referer header.
 * A path matches when it is one of these or lies below it.
 */
export const TOKEN_IN_URL_PATHS = ['/setup', '/invite', '/reset'] as const;

/** The HSTS value sent when the deployment is served over https (two years, subdomains too). */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

export interface SecurityHeaderOptions {
  /** The request's path, without the query string. */
  pathname: string;
  /** A fresh, unguessable value for this response's CSP; see `createNonce`. */
  nonce: string;
  /** Whether the deployment is served over https (from APP_URL, never the request's Host). */
  https: boolean;
  /** `next dev`: React's dev tooling needs `eval`, so only then is `'unsafe-eval'` allowed. */
  development: boolean;
}

export interface SecurityHeaders {
  /** Set on the response the browser receives. */
  response: Record<string, string>;
  /**
   * Set on the request before Next renders it: Next takes the nonce from the request's
   * Content-Security-Policy header and stamps it on its own scripts; `x-nonce` lets our
   * server components read it for any script they add.
   */
  request: Record<string, string>;
}

/** A per-response nonce: 128 random bits in base64 (the form Next's nonce parser accepts). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Whether `pathname` is a page whose URL carries a token (see TOKEN_IN_URL_PATHS). */
export function holdsTokenInUrl(pathname: string): boolean {
  return TOKEN_IN_URL_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

/** Route handlers answer with data, not documents: they get no CSP and need no nonce. */
function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** The Content-Security-Policy for a page rendered with `nonce`. */
function contentSecurityPolicy({
  nonce,
  development,
}: Pick<SecurityHeaderOptions, 'nonce' | 'development'>): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'strict-dynamic': scripts that Next's nonce-stamped scripts load (route chunks) may run.
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    // Inline style attributes (React's `style` prop) cannot carry a nonce.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The headers for one request: what to send the browser and what to hand Next's renderer. */
export function securityHeaders(options: SecurityHeaderOptions): SecurityHeaders {
  const { pathname, https } = options;
  const response: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': holdsTokenInUrl(pathname)
      ? 'no-referrer'
      : 'strict-origin-when-cross-origin',
  };
  if (https) response['Strict-Transport-Security'] = HSTS_VALUE;
  if (isApiPath(pathname)) return { response, request: {} };

  const policy = contentSecurityPolicy(options);
  response['Content-Security-Policy'] = policy;
  return {
    response,
    request: { 'Content-Security-Policy': policy, 'x-nonce': options.nonce },
  };
}
