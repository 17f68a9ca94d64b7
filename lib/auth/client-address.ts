/**
 * The client's address, for throttling. Next.js puts the socket's address in X-Forwarded-For
 * when the request has none; a reverse proxy appends the address it saw. Entries further left
 * were written by the client and can be forged, so we count PROXY_HOPS entries from the right
 * (default 1: no proxy, or one proxy that appends).
 */
export function clientAddressFrom(headers: { get(name: string): string | null }): string | null {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = Math.max(1, Number(process.env.PROXY_HOPS) || 1);
  return entries[Math.max(0, entries.length - hops)] ?? headers.get('x-real-ip')?.trim() ?? null;
}
