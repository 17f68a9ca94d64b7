import 'server-only';
import type { Translate } from '@/lib/i18n/translate';

// How the Accounts page and an account's own page word a refused change: the same refusal,
// the same place (beside the field it concerns, or for the whole form), on both pages.

/** A rename refused: the name is taken (beside the field), or the account is gone. */
export function renameRefusal(reason: 'duplicateName' | 'notFound', t: Translate) {
  return reason === 'duplicateName'
    ? { ok: false as const, fieldErrors: { name: [t('accounts.errors.duplicateName')] } }
    : { ok: false as const, formError: t('errors.accountGone') };
}

/** A delete refused: the typed name does not match (beside the field), or the account is gone. */
export function deleteRefusal(reason: 'confirmMismatch' | 'notFound', t: Translate) {
  return reason === 'confirmMismatch'
    ? { ok: false as const, fieldErrors: { confirmName: [t('accounts.errors.confirmMismatch')] } }
    : { ok: false as const, formError: t('errors.accountGone') };
}

/** The first admin's address already belongs to a user: said beside the address field. */
export function adminEmailTaken(email: string, t: Translate) {
  return {
    ok: false as const,
    fieldErrors: { adminEmail: [t('accounts.errors.alreadyUser', { email })] },
  };
}
