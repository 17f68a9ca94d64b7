import { Text } from '@react-email/components';
import { EmailButton } from '../components/email-button';
import { EmailLayout } from '../components/email-layout';
import { defineEmail, type WithLocale } from '../email-template';
import { emailTranslator } from '../i18n';
import { invitationPurpose } from '../invitation-kind';
import type { InvitationProps } from './invitation';

/** A pending user's new invitation link ("Generate invite link", "Complete setup"). */
export default function InvitationRegeneratedEmail(props: WithLocale<InvitationProps>) {
  const { locale, hostName, email, invitedBy } = props;
  const t = emailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      hostName={hostName}
      preview={t('invitationRegenerated.heading')}
      heading={t('invitationRegenerated.heading')}
      unexpected={t('invitation.unexpected')}
    >
      <Text>{t('invitationRegenerated.intro', { invitedBy, hostName, email })}</Text>
      <Text>{invitationPurpose(t, props)}</Text>
      <Text>{t('invitation.action')}</Text>
      <EmailButton locale={locale} href={props.link} label={t('invitation.button')} />
      <Text>{t('common.expires', { expiresAt: props.expiresAt })}</Text>
    </EmailLayout>
  );
}

// Sample data for `npm run email` only.
InvitationRegeneratedEmail.PreviewProps = {
  locale: 'de',
  kind: 'individualUser',
  accountNames: ['Bäckerei Sonnenschein', 'Autohaus Berger'],
  hostName: 'Nordlicht Media',
  email: 'jürgen.müller@example.com',
  invitedBy: 'admin@nordlicht.example',
  link: 'https://console.nordlicht.example/invite/8b1e4d7c2a9f4e3b8c6d1a5f9e2b7c4d',
  expiresAt: new Date('2026-03-05T14:00:00Z'),
} satisfies WithLocale<InvitationProps>;

export const invitationRegeneratedEmail = defineEmail(InvitationRegeneratedEmail, (t, props) =>
  t('invitationRegenerated.subject', { hostName: props.hostName }),
);
