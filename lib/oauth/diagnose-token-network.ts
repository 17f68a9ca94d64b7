import { untrustedCertificateCodes } from '@/lib/http/untrusted-certificate';
import type { TokenFailure } from './token-failure';

const adviceByCode: Record<string, string> = {
  ENOTFOUND: 'tokenLookupFailed',
  EAI_AGAIN: 'tokenLookupUnavailable',
  ECONNREFUSED: 'tokenConnectionRefused',
  EHOSTUNREACH: 'tokenUnreachable',
  ENETUNREACH: 'tokenUnreachable',
  UND_ERR_CONNECT_TIMEOUT: 'tokenTimeout',
  ECONNRESET: 'tokenConnectionClosed',
  UND_ERR_SOCKET: 'tokenConnectionClosed',
  CERT_HAS_EXPIRED: 'tokenCertificateExpired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tokenCertificateNameMismatch',
};

/**
 * Names what went wrong on the way to the token endpoint, in the words the SMTP steps use
 * for the same fault. `error` is what fetch threw: its `cause` carries the system's code.
 */
export function diagnoseTokenNetwork(error: unknown, endpoint: string): TokenFailure {
  const url = new URL(endpoint);
  const values = {
    endpoint,
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
  };
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { advice: 'tokenTimeout', values, code: 'ETIMEDOUT' };
  }
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  const code = cause?.code ?? '';
  if (untrustedCertificateCodes.has(code))
    return { advice: 'tokenCertificateUntrusted', values, code };
  const advice =
    adviceByCode[code] ??
    (/^ERR_SSL|^ERR_TLS|EPROTO/.test(code) ? 'tokenTlsFailed' : 'tokenEndpointUnreachable');
  return { advice, values, code: code || undefined };
}
