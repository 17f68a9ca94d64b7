import { Text } from '@react-email/components';
import { EmailLayout } from '../components/email-layout';
import { defineEmail, type WithLocale } from '../email-template';
import { emailTranslator } from '../i18n';

export type TwoFactorCodeProps = {
  /** Signing in, or turning emailed codes on (Profile), which proves the address works. */
  purpose: 'signIn' | 'setUp';
  hostName: string;
  /** The user's address, the one the code was sent to. */
  email: string;
  /** Six digits, single-use. */
  code: string;
  expiresAt: Date;
};

/** A six-digit code for the second step of a sign-in, or to turn emailed codes on. */
export default function TwoFactorCodeEmail(props: WithLocale<TwoFactorCodeProps>) {
  const { locale, hostName, email, purpose } = props;
  const t = emailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      hostName={hostName}
      preview={t(`twoFactorCode.heading.${purpose}`)}
      heading={t(`twoFactorCode.heading.${purpose}`)}
      unexpected={t(`twoFactorCode.unexpected.${purpose}`, { hostName })}
    >
      <Text>{t(`twoFactorCode.intro.${purpose}`, { email, hostName })}</Text>
      <Text
        style={{
          fontSize: '32px',
          fontWeight: 700,
          letterSpacing: '0.3em',
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          margin: '24px 0',
        }}
      >
        {props.code}
      </Text>
      <Text>{t('twoFactorCode.once', { expiresAt: props.expiresAt })}</Text>
    </EmailLayout>
  );
}

// Sample data for `npm run email` only.
TwoFactorCodeEmail.PreviewProps = {
  locale: 'en',
  purpose: 'signIn',
  hostName: 'Nordlicht Media',
  email: 'jana.schmidt@example.com',
  code: '407193',
  expiresAt: new Date('2026-03-05T14:10:00Z'),
} satisfies WithLocale<TwoFactorCodeProps>;

export const twoFactorCodeEmail = defineEmail(TwoFactorCodeEmail, (t, props) =>
  t(`twoFactorCode.subject.${props.purpose}`, { hostName: props.hostName }),
);
