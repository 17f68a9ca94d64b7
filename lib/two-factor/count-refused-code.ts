import 'server-only';
import type { Database } from '@/db/database';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';
import type { CodeKind } from './second-step';
import { countChallengeFailure, type SignInChallenge } from './sign-in-challenge';

/**
 * Counts a refused code against its sign-in and records the failed sign-in, in one transaction.
 * As for passwords, only codes the throttle let through reach here: a flood adds no rows.
 * Returns how many tries are left (0: the attempt is over).
 */
export async function countRefusedCode(
  db: Database,
  options: {
    challenge: Pick<SignInChallenge, 'tokenHash' | 'userId' | 'email'>;
    visitor: AuditActor;
    code: CodeKind;
    reason: 'wrongCode' | 'expiredCode' | 'replacedCode';
    /** Whether this attempt started the throttle's block. */
    throttled: boolean;
  },
): Promise<number> {
  const { challenge, visitor, code, reason, throttled } = options;
  return db.transaction(async (tx) => {
    const attemptsLeft = await countChallengeFailure(tx, challenge.tokenHash);
    await recordEvent(tx, visitor, {
      type: 'signIn.failed',
      target: { kind: 'user', id: challenge.userId, label: challenge.email },
      details: { reason, code, attemptsLeft, throttled },
    });
    return attemptsLeft;
  });
}
