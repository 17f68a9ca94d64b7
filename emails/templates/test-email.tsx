import { Text } from '@react-email/components';
import { EmailLayout } from '../components/email-layout';
import { defineEmail, type WithLocale } from '../email-template';
import { emailTranslator } from '../i18n';

export type TestEmailProps = {
  hostName: string;
  /** The admin who pressed "Send test email" (their email address). */
  requestedBy: string;
};

/** "Send test email" on the SMTP page: proves the configuration delivers. */
export default function TestEmail(props: WithLocale<TestEmailProps>) {
  const { locale, hostName, requestedBy } = props;
  const t = emailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      hostName={hostName}
      preview={t('testEmail.heading')}
      heading={t('testEmail.heading')}
      unexpected={t('testEmail.unexpected')}
    >
      <Text>{t('testEmail.body', { hostName, requestedBy })}</Text>
    </EmailLayout>
  );
}

// Sample data for `npm run email` only.
TestEmail.PreviewProps = {
  locale: 'en',
  hostName: 'Nordlicht Media',
  requestedBy: 'admin@nordlicht.example',
} satisfies WithLocale<TestEmailProps>;

export const testEmail = defineEmail(TestEmail, (t, props) =>
  t('testEmail.subject', { hostName: props.hostName }),
);
