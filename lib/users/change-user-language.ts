import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { users } from '@/db/schema';
import type { UserActor } from '@/lib/audit/audit-actor';
import { recordEvent } from '@/lib/audit/record-event';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Stores the language a user chose for themselves (emails to them are written in it) and
 * records the change; choosing the language they already have changes and records nothing.
 */
export async function changeUserLanguage(
  db: Database,
  options: { actor: UserActor; language: Locale },
): Promise<void> {
  const { actor, language } = options;
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ language: users.language })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for('update');
    if (!before || before.language === language) return;
    await tx
      .update(users)
      .set({ language, updatedAt: new Date() })
      .where(eq(users.id, actor.userId));
    await recordEvent(tx, actor, {
      type: 'user.languageChanged',
      target: { kind: 'user', id: actor.userId, label: actor.email },
      details: { from: before.language, to: language },
    });
  });
}
