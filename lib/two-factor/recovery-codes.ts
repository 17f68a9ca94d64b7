import 'server-only';
import { randomInt } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { recoveryCodes } from '@/db/schema';
import { hashToken } from '@/lib/crypto/tokens';

/** How many codes a set holds. */
const recoveryCodeCount = 10;

// Lower-case letters and digits without the look-alikes (0/o, 1/l/i): 32 symbols, 5 bits
// each; ten of them make 50 random bits, beyond guessing through any throttle.
const symbols = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCode(): string {
  let code = '';
  for (let index = 0; index < 10; index += 1) {
    code += symbols[randomInt(symbols.length)];
    if (index === 4) code += '-';
  }
  return code;
}

/** A code as people type it, in any case, with or without its dash and spaces. */
function normalizeRecoveryCode(text: string): string {
  return text.replace(/[\s-]/g, '').toLowerCase();
}

function hashRecoveryCode(text: string): string {
  return hashToken(`recovery:${normalizeRecoveryCode(text)}`);
}

/**
 * Replaces the user's recovery codes with a new set and returns it, to be shown once: only the
 * hashes are kept, so nobody can show them again.
 */
export async function replaceRecoveryCodes(db: Database, userId: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  });
  return codes;
}

/** A first set for a user's first method; null when they already have codes (kept as they are). */
export async function firstRecoveryCodes(db: Database, userId: string): Promise<string[] | null> {
  const [existing] = await db
    .select({ userId: recoveryCodes.userId })
    .from(recoveryCodes)
    .where(eq(recoveryCodes.userId, userId))
    .limit(1);
  return existing ? null : replaceRecoveryCodes(db, userId);
}

export async function countRecoveryCodesLeft(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ left: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.left ?? 0;
}

/**
 * Marks one unused code of the user used, in one statement: of two requests with the same
 * code, only one gets it. False for a wrong, used or malformed code.
 */
export async function spendRecoveryCode(
  db: Database,
  { userId, code }: { userId: string; code: string },
): Promise<boolean> {
  if (!/^[a-z0-9]{10}$/.test(normalizeRecoveryCode(code))) return false;
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ userId: recoveryCodes.userId });
  return used.length === 1;
}
