import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { emailField, singleLineField } from '@/lib/auth/password-fields';
import { displayNameMaxLength, emailMaxLength, serverHostMaxLength } from '@/lib/field-limits';
import { oauthProviders } from '@/lib/oauth/oauth-settings';
import { readServiceAccountKey } from '@/lib/oauth/service-account-key';
import { tokenEndpointRefusal } from '@/lib/oauth/token-endpoint-rule';

// A host name (RFC 1123 labels) or an IP address: no scheme, no port, no spaces.
const hostNamePattern =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
  .optional()
  .transform((value) => value === 'on' || value === 'true');

// A directory id (GUID) or one of its domains, as Entra accepts either in the token URL.
const tenantPattern =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$/i;

/** A one-line optional text field: trimmed, empty as undefined. */
function optionalLine(maxLength: number) {
  return z
    .string()
    .max(maxLength, 'tooLong')
    .refine((v) => !/[\r\n]/.test(v), 'lineBreak')
    .optional()
    .transform((v) => v?.trim() || undefined);
}

function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

/**
 * The SMTP form as submitted, for Save and for Send test email alike. Messages are catalog keys
 * under validation.*; a blank password means "keep the stored one".
 */
export const smtpFormSchema = z
  .object({
    host: singleLineField(serverHostMaxLength)
      .transform((host) => host.toLowerCase())
      .refine((host) => isIP(host) > 0 || hostNamePattern.test(host), 'smtpHost'),
    port: z.coerce.number('smtpPort').int('smtpPort').min(1, 'smtpPort').max(65535, 'smtpPort'),
    senderName: singleLineField(displayNameMaxLength),
    senderEmail: emailField,
    ssl: checkbox,
    starttls: checkbox,
    auth: checkbox,
    username: z
      .string()
      .max(emailMaxLength, 'tooLong')
      .refine((v) => !/[\r\n]/.test(v), 'lineBreak')
      .optional(),
    password: z.string().max(1024, 'tooLong').optional(),
    /** With authentication on: a password, or an OAuth2 token (XOAUTH2). */
    signIn: z.enum(['password', 'oauth2']).optional().default('password'),
    oauthProvider: z.enum(oauthProviders).optional(),
    oauthTenant: optionalLine(253),
    oauthAuthority: optionalLine(2048),
    oauthClientId: optionalLine(255),
    oauthTokenUrl: optionalLine(2048),
    oauthScope: optionalLine(1024),
    /** Write-only, like the password: blank keeps the stored one where the rule allows. */
    oauthClientSecret: z.string().max(1024, 'tooLong').optional(),
    /** A Google service account's JSON key file, pasted or uploaded; blank keeps the stored one. */
    oauthKeyJson: z.string().max(20_000, 'tooLong').optional(),
    caPem: z
      .string()
      .max(20_000, 'tooLong')
      .optional()
      .transform((pem) => pem?.trim() || null)
      .refine((pem) => pem === null || isCertificate(pem), 'smtpCaPem'),
  })
  .superRefine((value, context) => {
    if (value.ssl && value.starttls) {
      context.addIssue({ code: 'custom', path: ['starttls'], message: 'smtpSslAndStarttls' });
    }
    if (value.auth && !value.username?.trim()) {
      context.addIssue({ code: 'custom', path: ['username'], message: 'required' });
    }
    if (value.auth && value.signIn === 'oauth2') checkOAuthFields(value, context);
  });

type OAuthFields = {
  oauthProvider?: (typeof oauthProviders)[number];
  oauthTenant?: string;
  oauthAuthority?: string;
  oauthClientId?: string;
  oauthTokenUrl?: string;
  oauthKeyJson?: string;
};

/** Each provider's own required fields, and URLs a secret may be sent to. */
function checkOAuthFields(value: OAuthFields, context: z.RefinementCtx) {
  const issue = (path: keyof OAuthFields, message: string) =>
    context.addIssue({ code: 'custom', path: [path], message });
  const url = (path: 'oauthAuthority' | 'oauthTokenUrl', required: boolean) => {
    const given = value[path];
    if (!given) return required && issue(path, 'required');
    const refusal = tokenEndpointRefusal(given);
    if (refusal) issue(path, refusal);
  };
  switch (value.oauthProvider) {
    case undefined:
      return issue('oauthProvider', 'required');
    case 'microsoft':
      if (!value.oauthTenant) issue('oauthTenant', 'required');
      else if (!tenantPattern.test(value.oauthTenant)) issue('oauthTenant', 'oauthTenant');
      if (!value.oauthClientId) issue('oauthClientId', 'required');
      return url('oauthAuthority', false);
    case 'other':
      if (!value.oauthClientId) issue('oauthClientId', 'required');
      return url('oauthTokenUrl', true);
    case 'google': {
      if (!value.oauthKeyJson?.trim()) return;
      const key = readServiceAccountKey(value.oauthKeyJson);
      if (!key) return issue('oauthKeyJson', 'oauthKeyJson');
      const refusal = tokenEndpointRefusal(key.tokenUri);
      if (refusal) issue('oauthKeyJson', refusal);
    }
  }
}

export type SmtpForm = z.infer<typeof smtpFormSchema>;
