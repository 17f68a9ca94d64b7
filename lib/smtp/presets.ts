/** Common providers: what they expect, and their own set-up guide. */
export interface SmtpPreset {
  id: string;
  name: string;
  host: string;
  port: number;
  encryption: 'ssl' | 'starttls';
  /** A username the provider always expects (SendGrid's literal "apikey"). */
  username?: string;
  /** Providers where a password no longer works (or only as an app password): OAuth2 first. */
  oauthProvider?: 'microsoft' | 'google';
  guide: string;
}

export const smtpPresets: readonly SmtpPreset[] = [
  {
    id: 'google',
    name: 'Google Workspace',
    host: 'smtp.gmail.com',
    port: 587,
    encryption: 'starttls',
    oauthProvider: 'google',
    guide: 'https://support.google.com/a/answer/176600',
  },
  {
    id: 'microsoft',
    name: 'Microsoft 365',
    host: 'smtp.office365.com',
    port: 587,
    encryption: 'starttls',
    oauthProvider: 'microsoft',
    guide:
      'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365',
  },
  {
    id: 'zoho',
    name: 'Zoho Mail',
    host: 'smtp.zoho.com',
    port: 465,
    encryption: 'ssl',
    guide: 'https://www.zoho.com/mail/help/zoho-smtp.html',
  },
  {
    id: 'ses',
    name: 'Amazon SES',
    host: 'email-smtp.us-east-1.amazonaws.com',
    port: 587,
    encryption: 'starttls',
    guide: 'https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html',
  },
  {
    id: 'mailgun',
    name: 'Mailgun',
    host: 'smtp.mailgun.org',
    port: 587,
    encryption: 'starttls',
    guide: 'https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/send-smtp',
  },
  {
    id: 'sendgrid',
    name: 'SendGrid',
    host: 'smtp.sendgrid.net',
    port: 587,
    encryption: 'starttls',
    username: 'apikey',
    guide:
      'https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api',
  },
  {
    id: 'postmark',
    name: 'Postmark',
    host: 'smtp.postmarkapp.com',
    port: 587,
    encryption: 'starttls',
    guide: 'https://postmarkapp.com/developer/user-guide/send-email-with-smtp',
  },
];
