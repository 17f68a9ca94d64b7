import { safeMailbox } from '@/lib/mail/safe-header';
import type { OAuthSettings } from '@/lib/oauth/oauth-settings';

/** Everything needed to talk to an SMTP server: a saved configuration or the form's draft. */
export interface SmtpConfig {
  host: string;
  port: number;
  senderName: string;
  senderEmail: string;
  /** Implicit TLS from the first byte. */
  ssl: boolean;
  /** STARTTLS required before anything else. */
  starttls: boolean;
  auth: boolean;
  username: string | null;
  /** In clear, only in memory on the server; stored encrypted. */
  password: string | null;
  caPem: string | null;
  /**
   * With authentication on: sign in with an OAuth2 token (XOAUTH2) from these settings
   * instead of the password. Absent or null: the password.
   */
  oauth?: OAuthSettings | null;
}

/** Whether the client signs in with a token rather than a password. */
export function signsInWithToken(
  config: SmtpConfig,
): config is SmtpConfig & { oauth: OAuthSettings } {
  return config.auth && Boolean(config.oauth);
}

/**
 * The From header: "<Sender display name> <Sender email>", as a mailbox nodemailer encodes;
 * a line break in the name is folded and an unusable address refused (safe-header.ts).
 */
export function fromAddress(config: Pick<SmtpConfig, 'senderName' | 'senderEmail'>) {
  return safeMailbox(config.senderName, config.senderEmail);
}
