import { Text } from '@react-email/components';
import { EmailButton } from '../components/email-button';
import { EmailLayout } from '../components/email-layout';
import { defineEmail, type WithLocale } from '../email-template';
import { emailTranslator } from '../i18n';

export type PasswordChangedProps = {
  hostName: string;
  /** The user's address, whose password was changed. */
  email: string;
  changedAt: Date;
  /** The "Forgot password" page, for someone whose password was changed by another. */
  resetLink: string;
};

/** Tells a user their password changed, so that a change they did not make is noticed. */
export default function PasswordChangedEmail(props: WithLocale<PasswordChangedProps>) {
  const { locale, hostName, email } = props;
  const t = emailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      hostName={hostName}
      preview={t('passwordChanged.heading')}
      heading={t('passwordChanged.heading')}
      unexpected={t('passwordChanged.unexpected', { hostName })}
    >
      <Text>{t('passwordChanged.intro', { email, hostName, changedAt: props.changedAt })}</Text>
      <Text>{t('passwordChanged.noAction')}</Text>
      <EmailButton locale={locale} href={props.resetLink} label={t('passwordChanged.button')} />
    </EmailLayout>
  );
}

// Sample data for `npm run email` only.
PasswordChangedEmail.PreviewProps = {
  locale: 'de',
  hostName: 'Nordlicht Media',
  email: 'jana.schmidt@example.com',
  changedAt: new Date('2026-03-02T09:30:00Z'),
  resetLink: 'https://console.nordlicht.example/forgot-password',
} satisfies WithLocale<PasswordChangedProps>;

export const passwordChangedEmail = defineEmail(PasswordChangedEmail, (t, props) =>
  t('passwordChanged.subject', { hostName: props.hostName }),
);
