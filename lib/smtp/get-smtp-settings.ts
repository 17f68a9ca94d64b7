import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { smtpLastTest, smtpSettings } from '@/db/schema';
import type { OAuthProvider } from '@/lib/oauth/oauth-settings';
import type { SmtpTestReport } from './send-test-email';
import {
  environmentSmtp,
  environmentSmtpSwitch,
  type EnvironmentField,
  type EnvironmentSmtp,
} from './environment-smtp';

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
  /** What the environment sets and the page shows locked; null: nothing (the console's own). */
  setBy: SmtpSetBy | null;
}

interface SmtpSetBy {
  /** The whole configuration: each field's variable (NAME, or NAME_FILE for a secret file). */
  fields: Record<EnvironmentField, string> | null;
  /** The variable that sets the switch: SMTP_ENABLED, or SMTP_HOST when it is on by default. */
  enabled: string | null;
}

/** The environment's configuration as the page shows it: never a secret, only whether set. */
function environmentView(environment: EnvironmentSmtp, switchSetting: boolean | null) {
  const { config, variables } = environment;
  return {
    host: config.host,
    port: config.port,
    senderName: config.senderName,
    senderEmail: config.senderEmail,
    ssl: config.ssl,
    starttls: config.starttls,
    auth: config.auth,
    username: config.username ?? '',
    hasPassword: Boolean(config.password),
    caPem: config.caPem ?? '',
    signIn: config.oauth ? ('oauth2' as const) : ('password' as const),
    oauthProvider: config.oauth?.provider ?? null,
    oauthTenant: config.oauth?.tenant ?? null,
    oauthAuthority: config.oauth?.authority ?? null,
    oauthClientId: config.oauth?.clientId ?? null,
    oauthTokenUrl: config.oauth?.tokenUrl ?? null,
    oauthScope: config.oauth?.scope ?? null,
    hasOauthSecret: Boolean(config.oauth?.secret),
    enabled: environment.enabled,
    version: 'environment',
    setBy: {
      fields: variables,
      enabled: switchSetting === null ? variables.host : variables.enabled,
    },
  } satisfies SmtpSettingsView;
}

/**
 * The configuration in force: the environment's when it sets one (it wins), otherwise the
 * saved one, with SMTP_ENABLED over the saved switch when set.
 */
export async function getSmtpSettings(db: Database): Promise<SmtpSettingsView | null> {
  const environment = environmentSmtp();
  const switchSetting = environmentSmtpSwitch();
  if (environment) return environmentView(environment, switchSetting);
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
    enabled: switchSetting ?? shown.enabled,
    version: updatedAt.toISOString(),
    setBy: switchSetting === null ? null : { fields: null, enabled: 'SMTP_ENABLED' },
  };
}

/**
 * Whether the instance emails at all: the environment's configuration (on unless SMTP_ENABLED
 * is false), or a saved configuration with the switch (or SMTP_ENABLED) on.
 */
export async function isSmtpEnabled(db: Database): Promise<boolean> {
  const environment = environmentSmtp();
  if (environment) return environment.enabled;
  const [row] = await db
    .select({ enabled: smtpSettings.enabled })
    .from(smtpSettings)
    .where(eq(smtpSettings.id, 1));
  if (!row) return false;
  return environmentSmtpSwitch() ?? row.enabled;
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
