// The client address rule, in plain JavaScript: scripts/serve.mjs (npm start) applies it to
// each request before Next sees it, and lib/auth/client-address.ts reads the result.

/**
 * Headers a client could set to claim an address. Only X-Forwarded-For is ever trusted, and
 * only as far as PROXY_HOPS says; these are dropped so nothing can read them by mistake.
 */
const claimedAddressHeaders = [
  'x-real-ip',
  'x-client-ip',
  'x-cluster-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'fastly-client-ip',
  'x-vercel-forwarded-for',
];

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For: PROXY_HOPS, a
 * whole number, default 0 (clients connect to the app directly).
 * @param {string | undefined} value
 * @returns {number}
 */
export function proxyHops(value) {
  const hops = Number(value);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

/**
 * The entries of an X-Forwarded-For value, left (furthest from us) to right.
 * @param {string | string[] | null | undefined} value
 * @returns {string[]}
 */
export function forwardedForEntries(value) {
  return (Array.isArray(value) ? value.join(',') : (value ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** `::ffff:192.0.2.1`, how a dual-stack socket shows an IPv4 peer, as `192.0.2.1`. */
function plainAddress(/** @type {string} */ address) {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * Rewrites a request's headers so that X-Forwarded-For holds only what we can vouch for: the
 * `hops` entries our trusted proxies appended (each the address the one before it saw), then
 * the TCP peer's address. Entries further left were written by the client and are dropped.
 * @param {Record<string, string | string[] | undefined>} headers Node's `request.headers`
 * @param {string | undefined} peerAddress `request.socket.remoteAddress`
 * @param {number} hops
 */
export function vouchForClientAddress(headers, peerAddress, hops) {
  const appended = hops > 0 ? forwardedForEntries(headers['x-forwarded-for']).slice(-hops) : [];
  for (const name of claimedAddressHeaders) delete headers[name];
  const entries = peerAddress ? [...appended, plainAddress(peerAddress)] : appended;
  if (entries.length > 0) headers['x-forwarded-for'] = entries.join(', ');
  else delete headers['x-forwarded-for'];
}
