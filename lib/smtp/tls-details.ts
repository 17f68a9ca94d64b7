import type { PeerCertificate, TLSSocket } from 'node:tls';

export interface CertificateDetails {
  subject: string;
  issuer: string;
  names: string[];
  validFrom: string;
  validTo: string;
  fingerprint256: string;
}

export interface TlsDetails {
  protocol: string | null;
  cipher: string | null;
  certificate: CertificateDetails | null;
}

function distinguishedName(part: Record<string, string | string[]> | undefined): string {
  if (!part) return '';
  return ['CN', 'O', 'OU', 'C']
    .filter((key) => part[key])
    .map((key) => `${key}=${[part[key]].flat().join('+')}`)
    .join(', ');
}

export function describeCertificate(cert: PeerCertificate | undefined): CertificateDetails | null {
  if (!cert || !cert.valid_to) return null;
  return {
    subject: distinguishedName(cert.subject as unknown as Record<string, string>),
    issuer: distinguishedName(cert.issuer as unknown as Record<string, string>),
    names: (cert.subjectaltname ?? '')
      .split(',')
      .map((name) => name.trim().replace(/^(DNS|IP Address):/, ''))
      .filter(Boolean),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    fingerprint256: cert.fingerprint256,
  };
}

export function describeTlsSocket(socket: TLSSocket): TlsDetails {
  return {
    protocol: socket.getProtocol(),
    cipher: socket.getCipher()?.name ?? null,
    certificate: describeCertificate(socket.getPeerCertificate()),
  };
}

/** Days until the certificate expires (negative once it has). */
export function daysUntilExpiry(
  certificate: Pick<CertificateDetails, 'validTo'>,
  now = Date.now(),
): number {
  return Math.floor((new Date(certificate.validTo).getTime() - now) / 86_400_000);
}
