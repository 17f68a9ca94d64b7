import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { hostSettings, setupToken, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/passwords';
import { hashToken } from '@/lib/crypto/tokens';
import type { AuditActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';
import type { Locale } from '@/lib/i18n/locales';

export type CreateFirstAdminResult = { ok: true } | { ok: false; reason: 'invalidLink' | 'done' };

/**
 * Creates the first host admin and names the host, in one transaction that consumes the
 * set-up token: a replayed or concurrent second submit finds the token gone. The audit log's
 * first event: the new admin, from where the form was sent, set the instance up.
 */
export async function createFirstAdmin(
  db: Database,
  options: {
    token: string;
    hostName: string;
    email: string;
    password: string;
    language: Locale;
    /** Who sent the form: a visitor (nobody exists yet to be signed in). */
    visitor: AuditActor;
  },
): Promise<CreateFirstAdminResult> {
  const { visitor } = options;
  const passwordHash = await hashPassword(options.password);
  return db.transaction(async (tx) => {
    const [token] = await tx
      .select({ tokenHash: setupToken.tokenHash })
      .from(setupToken)
      .for('update');
    const [anyUser] = await tx.select({ id: users.id }).from(users).limit(1);
    if (anyUser) return { ok: false, reason: 'done' } as const;
    if (!token || token.tokenHash !== hashToken(options.token)) {
      return { ok: false, reason: 'invalidLink' } as const;
    }
    const [admin] = await tx
      .insert(users)
      .values({
        email: options.email,
        passwordHash,
        status: 'active',
        hostRole: 'admin',
        language: options.language,
      })
      .returning({ id: users.id, email: users.email });
    await tx
      .update(hostSettings)
      .set({ hostName: options.hostName, updatedAt: new Date() })
      .where(eq(hostSettings.id, 1));
    await tx.delete(setupToken);
    await recordEvent(
      tx,
      {
        kind: 'user',
        userId: admin!.id,
        email: admin!.email,
        role: 'host:admin',
        clientAddress: 'clientAddress' in visitor ? visitor.clientAddress : null,
        userAgent: 'userAgent' in visitor ? visitor.userAgent : null,
      },
      {
        type: 'host.setUp',
        target: { kind: 'host' },
        details: { hostName: options.hostName, administrator: admin!.email },
      },
    );
    return { ok: true } as const;
  });
}
