import {
  SettingError,
  smtpEnvironmentFingerprint,
  smtpEnvironmentSettings,
  smtpVariables,
  smtpVariableSource,
  type SmtpVariable,
} from '@/lib/env';
import { configFromForm } from './config-from-form';
import type { SmtpConfig } from './smtp-config';
import { smtpFormSchema } from './smtp-form-schema';

// How a platform team configures SMTP: with SMTP_* variables (and secret files), as Metabase
// and Grafana do. Set, they win over what the console saved, and the page shows them locked.

/** The SMTP configuration the environment sets, whole and checked. */
export interface EnvironmentSmtp {
  config: SmtpConfig;
  /** SMTP_ENABLED, on when unset: a deployment that names an SMTP server means to send. */
  enabled: boolean;
  /** The variable behind each shown field, as the operator set it (`NAME` or `NAME_FILE`). */
  variables: Record<EnvironmentField, string>;
}

/** The page's fields, each set by one variable. */
const fieldVariables = {
  enabled: 'SMTP_ENABLED',
  host: 'SMTP_HOST',
  port: 'SMTP_PORT',
  security: 'SMTP_SECURITY',
  senderName: 'SMTP_SENDER_NAME',
  senderEmail: 'SMTP_SENDER_EMAIL',
  username: 'SMTP_USERNAME',
  password: 'SMTP_PASSWORD',
  oauthProvider: 'SMTP_OAUTH_PROVIDER',
  oauthTenant: 'SMTP_OAUTH_TENANT',
  oauthAuthority: 'SMTP_OAUTH_AUTHORITY',
  oauthClientId: 'SMTP_OAUTH_CLIENT_ID',
  oauthClientSecret: 'SMTP_OAUTH_CLIENT_SECRET',
  oauthTokenUrl: 'SMTP_OAUTH_TOKEN_URL',
  oauthScope: 'SMTP_OAUTH_SCOPE',
  oauthKeyJson: 'SMTP_OAUTH_KEY_JSON',
  caPem: 'SMTP_CA_PEM',
} as const satisfies Record<string, SmtpVariable>;
export type EnvironmentField = keyof typeof fieldVariables;

const securityChoices = ['ssl', 'starttls', 'none'] as const;

// What each validation.* key of the form's schema means for a variable, in an operator's words.
const problems: Record<string, string> = {
  required: 'is missing',
  tooLong: 'is too long',
  lineBreak: 'holds a line break',
  smtpHost: 'is not a host name or IP address',
  smtpPort: 'is not a port number from 1 to 65535',
  email: 'is not an email address',
  smtpCaPem: 'is not a PEM certificate',
  oauthTenant: 'is not a directory id or domain',
  oauthKeyJson: "is not a service account's JSON key file",
  oauthUrl: 'is not an https address without a user, password or #fragment',
  oauthUrlInsecure: 'must be https (http only to this machine)',
};

interface EnvironmentSettings {
  smtp: EnvironmentSmtp | null;
  switch: boolean | null;
}

let remembered: { key: string; settings: EnvironmentSettings } | null = null;

/**
 * Read once per set of variables (secret files are read then): pages ask on every request.
 * A half-set or unusable setting throws a SettingError naming each variable that is missing
 * or wrong, in one line: the start stops with it.
 */
function environmentSettings(): EnvironmentSettings {
  const key = smtpEnvironmentFingerprint();
  if (remembered?.key !== key) remembered = { key, settings: readEnvironmentSettings() };
  return remembered.settings;
}

/**
 * The SMTP configuration set by the environment; null when no SMTP_* variable is set but
 * perhaps SMTP_ENABLED (the console's configuration applies then).
 */
export function environmentSmtp(): EnvironmentSmtp | null {
  return environmentSettings().smtp;
}

/** SMTP_ENABLED when set: it locks the switch, with or without the rest of the configuration. */
export function environmentSmtpSwitch(): boolean | null {
  return environmentSettings().switch;
}

function readEnvironmentSettings(): EnvironmentSettings {
  const set = smtpEnvironmentSettings();
  const written = set.SMTP_ENABLED;
  if (written !== undefined && written !== 'true' && written !== 'false') {
    throw new SettingError('SMTP_ENABLED must be true or false');
  }
  delete set.SMTP_ENABLED;
  const switchSetting = written === undefined ? null : written === 'true';
  return { smtp: readEnvironmentSmtp(set, switchSetting), switch: switchSetting };
}

function readEnvironmentSmtp(
  set: Partial<Record<SmtpVariable, string>>,
  switchSetting: boolean | null,
): EnvironmentSmtp | null {
  if (Object.keys(set).length === 0) return null;

  const missing = missingVariables(set);
  if (missing.length > 0) {
    const named = Object.keys(set).join(', ');
    throw new SettingError(
      `the SMTP settings in the environment are incomplete: ${list(missing)} ${missing.length > 1 ? 'are' : 'is'} missing (set: ${named}). Set ${missing.length > 1 ? 'them' : 'it'}, or unset every SMTP_ variable to configure SMTP in the console`,
    );
  }
  const security = set.SMTP_SECURITY as (typeof securityChoices)[number];
  if (!securityChoices.includes(security)) {
    throw new SettingError('SMTP_SECURITY must be ssl, starttls or none');
  }
  const parsed = smtpFormSchema.safeParse({
    host: set.SMTP_HOST,
    port: set.SMTP_PORT,
    senderName: set.SMTP_SENDER_NAME,
    senderEmail: set.SMTP_SENDER_EMAIL,
    ssl: String(security === 'ssl'),
    starttls: String(security === 'starttls'),
    auth: String(Boolean(set.SMTP_USERNAME)),
    username: set.SMTP_USERNAME,
    password: set.SMTP_PASSWORD,
    signIn: set.SMTP_OAUTH_PROVIDER ? 'oauth2' : 'password',
    oauthProvider: set.SMTP_OAUTH_PROVIDER,
    oauthTenant: set.SMTP_OAUTH_TENANT,
    oauthAuthority: set.SMTP_OAUTH_AUTHORITY,
    oauthClientId: set.SMTP_OAUTH_CLIENT_ID,
    oauthTokenUrl: set.SMTP_OAUTH_TOKEN_URL,
    oauthScope: set.SMTP_OAUTH_SCOPE,
    oauthClientSecret: set.SMTP_OAUTH_CLIENT_SECRET,
    oauthKeyJson: set.SMTP_OAUTH_KEY_JSON,
    caPem: set.SMTP_CA_PEM,
  });
  if (!parsed.success) {
    const wrong = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0]) as EnvironmentField;
      const variable = fieldVariables[field] ?? 'SMTP_SECURITY';
      const problem =
        field === 'oauthProvider'
          ? 'must be microsoft, google or other'
          : (problems[issue.message] ?? 'is not usable');
      return `${smtpVariableSource(variable)} ${problem}`;
    });
    throw new SettingError([...new Set(wrong)].join('; '));
  }
  return {
    config: configFromForm(parsed.data, null),
    enabled: switchSetting ?? true,
    variables: Object.fromEntries(
      Object.entries(fieldVariables).map(([field, variable]) => [
        field,
        smtpVariableSource(variable),
      ]),
    ) as Record<EnvironmentField, string>,
  };
}

/** What a whole configuration needs, given what is set: the server, then the chosen sign-in. */
function missingVariables(set: Partial<Record<SmtpVariable, string>>): SmtpVariable[] {
  const needed: SmtpVariable[] = [
    'SMTP_HOST',
    'SMTP_PORT',
    'SMTP_SECURITY',
    'SMTP_SENDER_NAME',
    'SMTP_SENDER_EMAIL',
  ];
  const oauthSet = smtpVariables.some((name) => name.startsWith('SMTP_OAUTH_') && set[name]);
  if (set.SMTP_PASSWORD || oauthSet) needed.push('SMTP_USERNAME');
  if (oauthSet) needed.push('SMTP_OAUTH_PROVIDER');
  if (set.SMTP_USERNAME && !oauthSet) needed.push('SMTP_PASSWORD');
  switch (set.SMTP_OAUTH_PROVIDER) {
    case 'microsoft':
      needed.push('SMTP_OAUTH_TENANT', 'SMTP_OAUTH_CLIENT_ID', 'SMTP_OAUTH_CLIENT_SECRET');
      break;
    case 'other':
      needed.push('SMTP_OAUTH_CLIENT_ID', 'SMTP_OAUTH_CLIENT_SECRET', 'SMTP_OAUTH_TOKEN_URL');
      break;
    case 'google':
      needed.push('SMTP_OAUTH_KEY_JSON');
  }
  return needed.filter((name) => !set[name]);
}

function list(names: string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}
