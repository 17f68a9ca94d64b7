/**
 * The templates an email in the outbox can come from: what each sender writes in `kind`, and
 * what the delivery log offers to filter by. (The SMTP test email is sent directly, not queued.)
 */
export const emailKinds = [
  'invitation',
  'invitation-regenerated',
  'password-reset',
  'password-changed',
  'two-factor-code',
] as const;
export type EmailKind = (typeof emailKinds)[number];
