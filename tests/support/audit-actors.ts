import type { AuditActor, UserActor } from '@/lib/audit/audit-actor';

/** A host admin acting from a test, as the action factory would describe them. */
export function hostAdminActor(userId: string, email = 'admin@example.test'): UserActor {
  return {
    kind: 'user',
    userId,
    email,
    role: 'host:admin',
    clientAddress: '192.0.2.10',
    userAgent: 'integration test',
  };
}

/** For set-up done by a test itself, outside any user's request. */
export const testSetupActor: AuditActor = { kind: 'system' };

/** Someone not signed in, as the action factory would describe them. */
export const visitorActor: AuditActor = {
  kind: 'visitor',
  clientAddress: '192.0.2.20',
  userAgent: 'integration test visitor',
};
