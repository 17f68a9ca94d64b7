import { render, toPlainText } from '@react-email/render';
import { createElement } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { EmailTemplate, WithLocale } from '@/emails/email-template';
import { emailTranslator } from '@/emails/i18n';
import { safeHeaderText } from './safe-header';
import { invitationEmail } from '@/emails/templates/invitation';
import { invitationRegeneratedEmail } from '@/emails/templates/invitation-regenerated';
import { passwordChangedEmail } from '@/emails/templates/password-changed';
import { passwordResetEmail } from '@/emails/templates/password-reset';
import { testEmail } from '@/emails/templates/test-email';
import { twoFactorCodeEmail } from '@/emails/templates/two-factor-code';

// Named like their files; the outbox keeps the name as the email's kind.
const templates = {
  invitation: invitationEmail,
  'invitation-regenerated': invitationRegeneratedEmail,
  'password-reset': passwordResetEmail,
  'password-changed': passwordChangedEmail,
  'test-email': testEmail,
  'two-factor-code': twoFactorCodeEmail,
};

export type EmailName = keyof typeof templates;
export const emailNames = Object.keys(templates) as EmailName[];

/** The props a template needs: leaving one out is a type error, not a broken email. */
export type EmailProps<Name extends EmailName> =
  (typeof templates)[Name] extends EmailTemplate<infer Props> ? Props : never;

export interface RenderedEmail {
  /** One line, at most 200 characters: safe to put in a header. */
  subject: string;
  html: string;
  text: string;
}

/**
 * Types stop a missing prop at build time; this stops one that arrives as `undefined`, blank or
 * an invalid date at run time (data read back from storage), which next-intl would render as
 * nothing: "sent by , to check…".
 */
function assertComplete(template: EmailName, props: unknown): void {
  for (const [key, value] of Object.entries(props as object)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    const usable =
      values.length > 0 &&
      values.every((item) =>
        item instanceof Date
          ? !Number.isNaN(item.getTime())
          : typeof item === 'string' && item.trim() !== '',
      );
    if (!usable)
      throw new Error(
        `Email "${template}" cannot be rendered: "${key}" is ${JSON.stringify(value)}`,
      );
  }
}

/**
 * The one way the app turns a template into an email: HTML, plain text derived from the same
 * HTML (so the two never say different things), and the subject, all in `locale`.
 * Throws on a missing message or an unusable link rather than producing a broken email.
 */
export async function renderEmail<Name extends EmailName>(
  template: Name,
  props: EmailProps<Name>,
  locale: Locale,
): Promise<RenderedEmail> {
  assertComplete(template, props);
  const { Component, subject } = templates[template] as EmailTemplate<EmailProps<Name>>;
  const withLocale: WithLocale<EmailProps<Name>> = Object.assign({}, props, { locale });
  const html = await render(createElement(Component, withLocale));
  return {
    subject: safeHeaderText(subject(emailTranslator(locale), withLocale)),
    html,
    text: toPlainText(html),
  };
}
