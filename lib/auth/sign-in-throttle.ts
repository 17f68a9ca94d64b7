import 'server-only';
import type { Database } from '@/db/database';
import {
  blockedUntil,
  clearAttempts,
  recordAttempt,
  type ThrottleRule,
} from '@/lib/throttle/throttle';

// Per email it stops guessing one account's password; per client it stops spraying many.
const windowMinutes = 15;
const blockMinutes = 15;

interface Who {
  email: string;
  clientAddress: string | null;
}

function rules({ email, clientAddress }: Who): ThrottleRule[] {
  const list: ThrottleRule[] = [
    { key: `sign-in:email:${email}`, limit: 5, windowMinutes, blockMinutes },
  ];
  if (clientAddress) {
    list.push({ key: `sign-in:client:${clientAddress}`, limit: 20, windowMinutes, blockMinutes });
  }
  return list;
}

/** When the sign-in may be tried again, if the email or the client is blocked now. */
export function signInBlockedUntil(db: Database, who: Who): Promise<Date | null> {
  return blockedUntil(
    db,
    rules(who).map((rule) => rule.key),
  );
}

/** Counts a failed sign-in against the email and the client. */
export async function recordSignInFailure(db: Database, who: Who): Promise<void> {
  for (const rule of rules(who)) await recordAttempt(db, rule);
}

/** A successful sign-in clears the email's count (the client's stays: it may be spraying). */
export async function clearSignInFailures(db: Database, email: string): Promise<void> {
  await clearAttempts(db, [`sign-in:email:${email}`]);
}
