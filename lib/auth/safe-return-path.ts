import { appBaseUrl } from '@/lib/urls';

const fallback = '/dashboard';

// Browsers drop tabs and line breaks inside a URL and read "\" as "/", so "/\t/evil.example"
// and "/\evil.example" lead off-site; other controls, format characters and spaces (U+3000…)
// have no place in a path either, and make Next's redirect fail.
const unusableCharacter = /[\s\p{C}\\]/u;
const maxLength = 2000;

/**
 * A path on this site to return to after sign-in, as the WHATWG URL parser resolves it against
 * the base URL (percent-encoded, dot segments gone); anything else (another site, `//x`, an
 * absolute URL, a repeated query parameter, a control character) → the dashboard.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > maxLength) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || unusableCharacter.test(value)) {
    return fallback;
  }
  const base = new URL(appBaseUrl());
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  // "/..//x" resolves to the path "//x", which a browser reads as the host x.
  if (url.origin !== base.origin || url.pathname.startsWith('//')) return fallback;
  return url.pathname + url.search + url.hash;
}
