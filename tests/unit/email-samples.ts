import type { EmailName, EmailProps } from '@/lib/mail/render-email';
import type { Locale } from '@/lib/i18n/locales';

// One sample per template for tests/unit/render-email.test.ts, with what each must show.

export const hostName = 'Nordlicht Media';
const expiresAt = new Date('2026-03-05T14:00:00Z');
/** How `expiresAt` (and `changedAt`) reads in each language. */
export const shownDate: Record<Locale, string> = {
  en: 'March 5, 2026 at 2:00 PM UTC',
  de: '5. März 2026 um 14:00 UTC',
};

interface Sample<Name extends EmailName> {
  props: EmailProps<Name>;
  /** The link the email exists for, if any. */
  link: string | null;
  /** Whether it shows a date (`shownDate`). */
  dated: boolean;
}

export const samples: { [Name in EmailName]: Sample<Name> } = {
  invitation: {
    props: {
      kind: 'hostUser',
      hostName,
      email: 'ada@example.test',
      invitedBy: 'admin@nordlicht.test',
      link: 'https://console.nordlicht.test/invite/tok-inv?lang=en&ref=mail',
      expiresAt,
    },
    link: 'https://console.nordlicht.test/invite/tok-inv?lang=en&ref=mail',
    dated: true,
  },
  'invitation-regenerated': {
    props: {
      kind: 'accountAdmin',
      accountName: 'Bäckerei Sonnenschein',
      hostName,
      email: 'ada@example.test',
      invitedBy: 'admin@nordlicht.test',
      link: 'https://console.nordlicht.test/invite/tok-regen',
      expiresAt,
    },
    link: 'https://console.nordlicht.test/invite/tok-regen',
    dated: true,
  },
  'password-reset': {
    props: {
      kind: 'admin',
      admin: 'admin@nordlicht.test',
      hostName,
      email: 'ada@example.test',
      link: 'https://console.nordlicht.test/reset/tok-reset',
      expiresAt,
    },
    link: 'https://console.nordlicht.test/reset/tok-reset',
    dated: true,
  },
  'password-changed': {
    props: {
      hostName,
      email: 'ada@example.test',
      changedAt: expiresAt,
      resetLink: 'https://console.nordlicht.test/forgot-password',
    },
    link: 'https://console.nordlicht.test/forgot-password',
    dated: true,
  },
  'two-factor-code': {
    props: { purpose: 'signIn', hostName, email: 'ada@example.test', code: '407193', expiresAt },
    link: null,
    dated: true,
  },
  'test-email': {
    props: { hostName, requestedBy: 'admin@nordlicht.test' },
    link: null,
    dated: false,
  },
};
