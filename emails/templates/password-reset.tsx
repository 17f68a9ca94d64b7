import { Text } from '@react-email/components';
import { EmailButton } from '../components/email-button';
import { EmailLayout } from '../components/email-layout';
import { defineEmail, type WithLocale } from '../email-template';
import { emailTranslator } from '../i18n';

export type PasswordResetProps = (
  | /** Asked for on the "Forgot password" page. */ { kind: 'selfService' }
  | /** Made by someone who manages the user; `admin` is their email address. */ {
      kind: 'admin';
      admin: string;
    }
) & {
  hostName: string;
  /** The user's address, whose password the link resets. */
  email: string;
  /** The reset page: single-use, sets a new password. */
  link: string;
  expiresAt: Date;
};

/** A reset link for an active user, self-service or made by an admin. */
export default function PasswordResetEmail(props: WithLocale<PasswordResetProps>) {
  const { locale, hostName, email } = props;
  const t = emailTranslator(locale);
  const byAdmin = props.kind === 'admin';
  return (
    <EmailLayout
      locale={locale}
      hostName={hostName}
      preview={t('passwordReset.heading')}
      heading={t('passwordReset.heading')}
      unexpected={
        byAdmin
          ? t('passwordReset.unexpected.admin', { admin: props.admin })
          : t('passwordReset.unexpected.self')
      }
    >
      <Text>
        {byAdmin
          ? t('passwordReset.intro.admin', { admin: props.admin, email, hostName })
          : t('passwordReset.intro.self', { email, hostName })}
      </Text>
      <Text>{t('passwordReset.action')}</Text>
      <EmailButton locale={locale} href={props.link} label={t('passwordReset.button')} />
      <Text>{t('common.expires', { expiresAt: props.expiresAt })}</Text>
    </EmailLayout>
  );
}

// Sample data for `npm run email` only.
PasswordResetEmail.PreviewProps = {
  locale: 'en',
  kind: 'selfService',
  hostName: 'Nordlicht Media',
  email: 'jana.schmidt@example.com',
  link: 'https://console.nordlicht.example/reset/5c2e8a1f7b4d4e9c8a3f6b1d2e7c9a4b',
  expiresAt: new Date('2026-03-05T14:00:00Z'),
} satisfies WithLocale<PasswordResetProps>;

export const passwordResetEmail = defineEmail(PasswordResetEmail, (t, props) =>
  t('passwordReset.subject', { hostName: props.hostName }),
);
