import { isIP } from 'node:net';

/** Why a token endpoint or authority is refused, as a validation.* catalog key; null: usable. */
export function tokenEndpointRefusal(value: string): 'oauthUrl' | 'oauthUrlInsecure' | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'oauthUrl';
  }
  if (url.username || url.password || url.hash) return 'oauthUrl';
  if (url.protocol === 'https:') return null;
  // A client secret in clear is only acceptable when it never leaves the machine.
  if (url.protocol === 'http:') return isLoopback(url.hostname) ? null : 'oauthUrlInsecure';
  return 'oauthUrl';
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}
