import 'server-only';
import type { Database } from '@/db/database';
import {
  clearAttempts,
  returnAttempt,
  takeAttempts,
  type Admission,
  type ThrottleRule,
} from '@/lib/throttle/throttle';

// Per email it stops guessing one account's password; per client it stops spraying many.
const windowMinutes = 15;
const blockMinutes = 15;

interface Who {
  email: string;
  clientAddress: string | null;
}

const emailKey = (email: string) => `sign-in:email:${email}`;

function clientRule(clientAddress: string): ThrottleRule {
  return { key: `sign-in:client:${clientAddress}`, limit: 20, windowMinutes, blockMinutes };
}

/**
 * Counts a sign-in attempt against the client and the email before its password is checked,
 * and says whether it may be checked at all: only `limit` attempts per window get that far,
 * however many arrive at once. A refusal by the client counts nothing against the email.
 */
export function takeSignInAttempt(db: Database, { email, clientAddress }: Who): Promise<Admission> {
  const rules: ThrottleRule[] = clientAddress ? [clientRule(clientAddress)] : [];
  rules.push({ key: emailKey(email), limit: 5, windowMinutes, blockMinutes });
  return takeAttempts(db, rules);
}

/**
 * A sign-in that succeeded clears the email's count, and gives the client its attempt back: the
 * client's count is of failures (it may be spraying; a NAT's many users are not).
 */
export async function signInSucceeded(db: Database, { email, clientAddress }: Who): Promise<void> {
  await clearSignInFailures(db, email);
  if (clientAddress) await returnAttempt(db, clientRule(clientAddress));
}

/** A proof of owning the address (a password reset) ends its lock-out at once. */
export async function clearSignInFailures(db: Database, email: string): Promise<void> {
  await clearAttempts(db, [emailKey(email)]);
}

/**
 * The second step (a code after the right password) counts per user, so a stolen password
 * cannot try codes faster than this across challenges, and per client with the passwords.
 */
function secondStepRule(userId: string): ThrottleRule {
  return { key: `sign-in:code:${userId}`, limit: 10, windowMinutes, blockMinutes };
}

export function takeSecondStepAttempt(
  db: Database,
  { userId, clientAddress }: { userId: string; clientAddress: string | null },
): Promise<Admission> {
  const rules: ThrottleRule[] = clientAddress ? [clientRule(clientAddress)] : [];
  rules.push(secondStepRule(userId));
  return takeAttempts(db, rules);
}

export async function secondStepSucceeded(
  db: Database,
  { userId, clientAddress }: { userId: string; clientAddress: string | null },
): Promise<void> {
  await clearAttempts(db, [secondStepRule(userId).key]);
  if (clientAddress) await returnAttempt(db, clientRule(clientAddress));
}
