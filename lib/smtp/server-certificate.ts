import 'server-only';
import tls from 'node:tls';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { smtpServerCertificate } from '@/db/schema';
import type { SmtpConfig } from './smtp-config';
import { getSmtpSettings } from './get-smtp-settings';
import { daysUntilExpiry, describeCertificate, type CertificateDetails } from './tls-details';

// A certificate that runs out stops all email at once, on a date known weeks before: the
// dashboard and every host admin's page say so while it expires within this many days.
const certificateWarningDays = 14;

export interface SeenCertificate {
  host: string;
  port: number;
  certificate: CertificateDetails;
}

// What the outbox's connections saw since it was last stored: a connection's handshake cannot
// wait for the database, so the drain stores it when it ends. Per process, like the pool.
const processWide = globalThis as typeof globalThis & {
  gatehouseNoticedCertificate?: SeenCertificate | null;
};

/**
 * A `tls.checkServerIdentity` for a transport to `config`'s server: notes the certificate it
 * is called with (only once the chain is trusted), then checks the name as Node.js does.
 */
export function noticingCertificate(config: Pick<SmtpConfig, 'host' | 'port'>) {
  return (hostname: string, cert: tls.PeerCertificate) => {
    const certificate = describeCertificate(cert);
    if (certificate) {
      processWide.gatehouseNoticedCertificate = {
        host: config.host,
        port: config.port,
        certificate,
      };
    }
    return tls.checkServerIdentity(hostname, cert);
  };
}

/** Stores what the outbox's connections noticed since the last time, if anything. */
export async function storeNoticedCertificate(db: Database): Promise<void> {
  const noticed = processWide.gatehouseNoticedCertificate;
  if (!noticed) return;
  processWide.gatehouseNoticedCertificate = null;
  await storeServerCertificate(db, noticed);
}

export async function storeServerCertificate(db: Database, seen: SeenCertificate): Promise<void> {
  const row = {
    host: seen.host,
    port: seen.port,
    subject: seen.certificate.subject,
    validTo: new Date(seen.certificate.validTo),
    fingerprint256: seen.certificate.fingerprint256,
    seenAt: new Date(),
  };
  await db
    .insert(smtpServerCertificate)
    .values({ id: 1, ...row })
    .onConflictDoUpdate({ target: smtpServerCertificate.id, set: row });
}

type SeenRow = { host: string; port: number; validTo: Date };

async function seenCertificate(db: Database): Promise<SeenRow | null> {
  const [row] = await db
    .select({
      host: smtpServerCertificate.host,
      port: smtpServerCertificate.port,
      validTo: smtpServerCertificate.validTo,
    })
    .from(smtpServerCertificate)
    .where(eq(smtpServerCertificate.id, 1));
  return row ?? null;
}

/** Whether `seen` was seen at the SMTP server in force, while SMTP is on. */
async function seenAtServerInForce(db: Database, seen: SeenRow): Promise<boolean> {
  const inForce = await getSmtpSettings(db);
  return Boolean(inForce?.enabled && inForce.host === seen.host && inForce.port === seen.port);
}

/**
 * The certificate last seen at the SMTP server in force, while SMTP is on: null when none was
 * seen there (the configuration changed since, or nothing has connected yet).
 */
export async function readCertificateInForce(
  db: Database,
): Promise<{ host: string; validTo: Date } | null> {
  const seen = await seenCertificate(db);
  if (!seen || !(await seenAtServerInForce(db, seen))) return null;
  return { host: seen.host, validTo: seen.validTo };
}

export interface CertificateWarning {
  host: string;
  validTo: Date;
  /** Whole days left; negative once it has expired. */
  days: number;
}

/**
 * The warning for host admins: the certificate last seen at the SMTP server in force expires
 * within 14 days (or has expired), while SMTP is on. Null otherwise, or when the certificate
 * was seen at another server (the configuration changed since). Read on every page of a host
 * admin: the configuration is looked up only for a certificate that is about to expire.
 */
export async function readCertificateWarning(
  db: Database,
  now = new Date(),
): Promise<CertificateWarning | null> {
  const seen = await seenCertificate(db);
  if (!seen) return null;
  const days = daysUntilExpiry({ validTo: seen.validTo.toISOString() }, now.getTime());
  if (days > certificateWarningDays || !(await seenAtServerInForce(db, seen))) return null;
  return { host: seen.host, validTo: seen.validTo, days };
}
