import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { users } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';

/** Stores the language a user chose; emails to them are written in it. */
export async function changeUserLanguage(
  db: Database,
  options: { userId: string; language: Locale },
): Promise<void> {
  await db
    .update(users)
    .set({ language: options.language, updatedAt: new Date() })
    .where(eq(users.id, options.userId));
}
