import type { Locale } from '@/lib/i18n/locales';
import type { EmailTranslator } from './i18n';

/** Who the invitation is for; the email says what the invited person will be able to do. */
export type InvitationKind =
  | { kind: 'hostUser' }
  /** An individual user: account roles only, in these accounts. */
  | { kind: 'individualUser'; accountNames: [string, ...string[]] }
  /** The first admin of an unmanaged account, which stays in setup until they sign up. */
  | { kind: 'accountAdmin'; accountName: string };

type Invitation = InvitationKind & { hostName: string; locale: Locale };

function accountList(names: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}

/** The line saying what accepting gives access to. */
export function invitationPurpose(t: EmailTranslator, invitation: Invitation): string {
  const { hostName } = invitation;
  switch (invitation.kind) {
    case 'hostUser':
      return t('invitation.purpose.hostUser', { hostName });
    case 'individualUser':
      return t('invitation.purpose.individualUser', {
        accounts: accountList(invitation.accountNames, invitation.locale),
      });
    case 'accountAdmin':
      return t('invitation.purpose.accountAdmin', { accountName: invitation.accountName });
  }
}

/** The first invitation's subject names what the person is invited to. */
export function invitationSubject(t: EmailTranslator, invitation: Invitation): string {
  const { hostName } = invitation;
  switch (invitation.kind) {
    case 'hostUser':
      return t('invitation.subject.hostUser', { hostName });
    case 'individualUser':
      return t('invitation.subject.individualUser', {
        hostName,
        accounts: accountList(invitation.accountNames, invitation.locale),
      });
    case 'accountAdmin':
      return t('invitation.subject.accountAdmin', {
        hostName,
        accountName: invitation.accountName,
      });
  }
}
