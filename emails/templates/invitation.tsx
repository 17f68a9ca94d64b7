import { Text } from '@react-email/components';
import { EmailButton } from '../components/email-button';
import { EmailLayout } from '../components/email-layout';
import { defineEmail, type WithLocale } from '../email-template';
import { emailTranslator } from '../i18n';
import { invitationPurpose, invitationSubject, type InvitationKind } from '../invitation-kind';

export type InvitationProps = InvitationKind & {
  hostName: string;
  /** The invited address: the one the person will sign in with. */
  email: string;
  /** Who invited them (their email address). */
  invitedBy: string;
  /** The invitation page: single-use, sets the password. */
  link: string;
  expiresAt: Date;
};

/** A new user's invitation: a host user, an individual user, or an unmanaged account's admin. */
export default function InvitationEmail(props: WithLocale<InvitationProps>) {
  const { locale, hostName, email, invitedBy } = props;
  const t = emailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      hostName={hostName}
      preview={invitationPurpose(t, props)}
      heading={t('invitation.heading', { hostName })}
      unexpected={t('invitation.unexpected')}
    >
      <Text>{t('invitation.intro', { invitedBy, hostName, email })}</Text>
      <Text>{invitationPurpose(t, props)}</Text>
      <Text>{t('invitation.action')}</Text>
      <EmailButton locale={locale} href={props.link} label={t('invitation.button')} />
      <Text>{t('common.expires', { expiresAt: props.expiresAt })}</Text>
    </EmailLayout>
  );
}

// Sample data for `npm run email` only.
InvitationEmail.PreviewProps = {
  locale: 'en',
  kind: 'accountAdmin',
  accountName: 'Bäckerei Sonnenschein',
  hostName: 'Nordlicht Media',
  email: 'jana.schmidt@example.com',
  invitedBy: 'admin@nordlicht.example',
  link: 'https://console.nordlicht.example/invite/3f9c2a7e1b5d4c8a9e0f6b2d7a1c4e8f',
  expiresAt: new Date('2026-03-05T14:00:00Z'),
} satisfies WithLocale<InvitationProps>;

export const invitationEmail = defineEmail(InvitationEmail, invitationSubject);
