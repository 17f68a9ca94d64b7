import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import type { Database } from '@/db/database';
import { getCurrentUser } from '@/lib/auth/current-user';
import { mayOnHost, type HostPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/read-session';
import type { ActionResult, FormAction } from './action-result';
import type { Translate } from '@/lib/i18n/translate';
import { translateIssues } from './translate-issues';

/** Who may call an action: anyone, any signed-in user, or holders of a host permission. */
export type ActionAccess = 'public' | 'signed-in' | HostPermission;

type ActionUser<Access extends ActionAccess> = Access extends 'public'
  ? SessionUser | null
  : SessionUser;

interface Context<Access extends ActionAccess> {
  user: ActionUser<Access>;
  db: Database;
  t: Translate;
}

/**
 * The form's schema, or a function making it for the caller: some rules depend on who asks
 * (a new password must not contain the user's own email).
 */
type SchemaFor<Schema extends z.ZodType, Access extends ActionAccess> =
  Schema | ((caller: { user: ActionUser<Access> }) => Schema);

/**
 * Makes a server action that cannot forget the basics: it parses the form with `schema`,
 * checks the session and the permission on the server, then calls `handler` (one domain call).
 * Zod messages are catalog keys under `validation.*`.
 */
export function action<Schema extends z.ZodType, Access extends ActionAccess, Data = undefined>(
  config: { schema: SchemaFor<Schema, Access>; access: Access },
  handler: (input: z.infer<Schema>, context: Context<Access>) => Promise<ActionResult<Data>>,
): FormAction<Data> {
  return async (_previous, formData) => {
    const t = (await getTranslations()) as unknown as Translate;
    const user = await getCurrentUser();
    if (config.access !== 'public') {
      if (!user) return { ok: false, formError: t('errors.signedOut') };
      if (config.access !== 'signed-in' && !mayOnHost(user, config.access)) {
        return { ok: false, formError: t('errors.forbidden') };
      }
    }
    const schema =
      typeof config.schema === 'function'
        ? config.schema({ user: user as ActionUser<Access> })
        : config.schema;
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return { ok: false, fieldErrors: translateIssues(parsed.error.issues, t) };
    }
    const db = await getDb();
    return handler(parsed.data, { user, db, t } as Context<Access>);
  };
}
