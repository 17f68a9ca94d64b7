import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/database';
import { auditEvents, signInChallenges, twoFactorMethods, type SignInStep } from '@/db/schema';
import type { AuditEventType } from '@/lib/audit/event-types';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { hashToken, newToken } from '@/lib/crypto/tokens';
import { totpCode, totpStep } from '@/lib/two-factor/totp';
import { e2eAppSecret } from './e2e-users';

// The audit side of the authorization matrix: each call is sent with a user agent of its own,
// which the audit log keeps, so the events a call recorded are found by it alone, whatever else
// the instance is doing. And the fixtures that let the two-factor actions change something.

/** A user agent no other call sends. */
export const probeUserAgent = () => `Gatehouse matrix probe ${randomUUID()}`;

/**
 * What an allowed call leaves in the audit log: an event of one type (but for the callers
 * named, who change nothing); or nothing, for a read or a first step, with why.
 */
export type AuditExpectation =
  { records: AuditEventType; notFor?: readonly string[] } | { recordsNothing: string };

/** The user agents, of those given, under which no event of `type` was recorded. */
export async function agentsWithoutEvent(
  database: DatabaseHandle,
  type: AuditEventType,
  agents: string[],
): Promise<string[]> {
  if (agents.length === 0) return [];
  const found = await database.db
    .selectDistinct({ agent: auditEvents.userAgent })
    .from(auditEvents)
    .where(and(eq(auditEvents.eventType, type), inArray(auditEvents.userAgent, agents)));
  const recorded = new Set(found.map((row) => row.agent));
  return agents.filter((agent) => !recorded.has(agent));
}

/** The cookie of a sign-in past its password, at `step`, for `userId`. */
export async function challengeCookie(
  database: DatabaseHandle,
  userId: string,
  step: SignInStep,
): Promise<string> {
  const token = newToken();
  await database.db.insert(signInChallenges).values({
    tokenHash: hashToken(token),
    userId,
    step,
    expiresAt: new Date(Date.now() + 10 * 60_000),
  });
  return `gatehouse.sign-in-step=${token}`;
}

/** An authenticator being set up (not confirmed yet), and the code that confirms it now. */
export async function pendingAuthenticator(
  database: DatabaseHandle,
  userId: string,
): Promise<string> {
  const secret = randomBytes(20);
  await database.db.insert(twoFactorMethods).values({
    userId,
    method: 'totp',
    // Sealed as the app seals it (lib/two-factor/totp-secret.ts), under the instance's secret.
    sealedSecret: encryptSecret(secret.toString('base64'), {
      secret: e2eAppSecret,
      purpose: 'totp-secret',
    }),
  });
  return totpCode(secret, totpStep(new Date()));
}

/** Emailed codes being set up, with a code out whose hash nothing matches. */
export async function pendingEmailCodes(database: DatabaseHandle, userId: string): Promise<void> {
  await database.db.insert(twoFactorMethods).values({
    userId,
    method: 'email',
    setupCodeHash: '00',
    setupCodeExpiresAt: new Date(Date.now() + 10 * 60_000),
    setupCodeSentAt: new Date(),
  });
}
