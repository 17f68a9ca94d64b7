import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { smtpLastTest, smtpSettings } from '@/db/schema';
import type { OAuthProvider } from '@/lib/oauth/oauth-settings';
import type { SmtpTestReport } from './send-test-email';

/** The SMTP configuration as the page may show it: never the password, only whether one is stored. */
export interface SmtpSettingsView {
  host: string;
  port: number;
  senderName: string;
  senderEmail: string;
  ssl: boolean;
  starttls: boolean;
  auth: boolean;
  username: string;
  hasPassword: boolean;
  caPem: string;
  signIn: 'password' | 'oauth2';
  oauthProvider: OAuthProvider | null;
  oauthTenant: string | null;
  oauthAuthority: string | null;
  /** The client id; for a Google service account, its client email (not secret). */
  oauthClientId: string | null;
  oauthTokenUrl: string | null;
  oauthScope: string | null;
  /** Whether a client secret or private key is stored; never the value. */
  hasOauthSecret: boolean;
  enabled: boolean;
  /** Identifies the saved version, so the switch acts only on what the admin saw. */
  version: string;
}

export async function getSmtpSettings(db: Database): Promise<SmtpSettingsView | null> {
  const [row] = await db
    .select({
      host: smtpSettings.host,
      port: smtpSettings.port,
      senderName: smtpSettings.senderName,
      senderEmail: smtpSettings.senderEmail,
      ssl: smtpSettings.ssl,
      starttls: smtpSettings.starttls,
      auth: smtpSettings.auth,
      username: smtpSettings.username,
      passwordEncrypted: smtpSettings.passwordEncrypted,
      caPem: smtpSettings.caPem,
      signIn: smtpSettings.signIn,
      oauthProvider: smtpSettings.oauthProvider,
      oauthTenant: smtpSettings.oauthTenant,
      oauthAuthority: smtpSettings.oauthAuthority,
      oauthClientId: smtpSettings.oauthClientId,
      oauthTokenUrl: smtpSettings.oauthTokenUrl,
      oauthScope: smtpSettings.oauthScope,
      oauthSecretEncrypted: smtpSettings.oauthSecretEncrypted,
      enabled: smtpSettings.enabled,
      updatedAt: smtpSettings.updatedAt,
    })
    .from(smtpSettings)
    .where(eq(smtpSettings.id, 1));
  if (!row) return null;
  const { passwordEncrypted, oauthSecretEncrypted, updatedAt, ...shown } = row;
  return {
    ...shown,
    username: shown.username ?? '',
    caPem: shown.caPem ?? '',
    hasPassword: passwordEncrypted !== null,
    hasOauthSecret: oauthSecretEncrypted !== null,
    version: updatedAt.toISOString(),
  };
}

/** Whether the instance emails at all: a saved configuration with the switch on. */
export async function isSmtpEnabled(db: Database): Promise<boolean> {
  const [row] = await db
    .select({ enabled: smtpSettings.enabled })
    .from(smtpSettings)
    .where(eq(smtpSettings.id, 1));
  return row?.enabled ?? false;
}

export interface LastSmtpTest {
  report: SmtpTestReport;
  testedAt: Date;
}

export async function getLastSmtpTest(db: Database): Promise<LastSmtpTest | null> {
  const [row] = await db
    .select({ report: smtpLastTest.report, testedAt: smtpLastTest.testedAt })
    .from(smtpLastTest)
    .where(eq(smtpLastTest.id, 1));
  return row ? { report: row.report as SmtpTestReport, testedAt: row.testedAt } : null;
}
