import { forwardedForEntries, proxyHops } from './forwarded-for.mjs';
import { isServerless, proxyHopsSetting } from '@/lib/env';

/**
 * The client's address, for throttling: never one the client can choose. npm start's server
 * (scripts/serve.mjs) ends X-Forwarded-For with the TCP peer's address and keeps before it only
 * what PROXY_HOPS trusted proxies appended, so the entry PROXY_HOPS places left of the last is
 * the client as the outermost proxy saw it (the peer itself with no proxy). On Vercel the
 * platform sets x-vercel-forwarded-for (and overwrites x-real-ip) itself.
 */
export function clientAddressFrom(headers: { get(name: string): string | null }): string | null {
  if (isServerless()) {
    const [client] = forwardedForEntries(headers.get('x-vercel-forwarded-for'));
    return client ?? (headers.get('x-real-ip')?.trim() || null);
  }
  const entries = forwardedForEntries(headers.get('x-forwarded-for'));
  const hops = proxyHops(proxyHopsSetting());
  // Fewer entries than hops + 1: the request came past the proxies; the left-most is the peer.
  return entries[Math.max(0, entries.length - 1 - hops)] ?? null;
}
