/**
 * Every kind of event the audit log records, by what it is about. The page's type filter lists
 * these, and the catalogs name each (`audit.types.*`).
 */
export const auditEventTypes = [
  'smtp.saved',
  'smtp.switched',
  'smtp.testSent',
  'host.renamed',
  'host.invitationLifetimeChanged',
  'host.emailRetentionChanged',
  'host.auditRetentionChanged',
  'host.twoFactorPolicyChanged',
  'host.setUp',
  'account.created',
  'account.renamed',
  'account.deactivated',
  'account.activated',
  'account.deleted',
  'account.delegationChanged',
  'account.setupCompleted',
  'user.roleChanged',
  'user.deactivated',
  'user.reactivated',
  'user.revoked',
  'user.removedFromAccount',
  'user.invitationRegenerated',
  'user.resetLinkMade',
  'user.twoFactorReset',
  'user.invited',
  'user.invitationAccepted',
  'user.passwordChanged',
  'user.passwordReset',
  'email.resent',
  'signIn.succeeded',
  'signIn.failed',
  'signIn.signedOut',
  'user.sessionsEnded',
  'user.twoFactorAdded',
  'user.twoFactorRemoved',
  'user.recoveryCodesRegenerated',
  'user.languageChanged',
] as const;
export type AuditEventType = (typeof auditEventTypes)[number];

export function isAuditEventType(value: string): value is AuditEventType {
  return (auditEventTypes as readonly string[]).includes(value);
}
