import type { ComponentType } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { EmailTranslator } from './i18n';

/** What every template gets besides its own props: the recipient's language. */
export type WithLocale<Props> = Props & { locale: Locale };

/** One kind of email: its body as a React Email component, and its subject line. */
export interface EmailTemplate<Props> {
  Component: ComponentType<WithLocale<Props>>;
  subject: (t: EmailTranslator, props: WithLocale<Props>) => string;
}

export function defineEmail<Props>(
  Component: ComponentType<WithLocale<Props>>,
  subject: EmailTemplate<Props>['subject'],
): EmailTemplate<Props> {
  return { Component, subject };
}
