import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { getDb } from '@/lib/database/configured-database';
import type { Database } from '@/db/database';
import { getCurrentUser } from '@/lib/auth/current-user';
import { unstable_rethrow } from 'next/navigation';
import { rootMessage } from '@/lib/errors/root-cause';
import { log } from '@/lib/log/logger';
import {
  mayInAccount,
  mayOnHost,
  type AccountPermission,
  type HostPermission,
} from '@/lib/auth/permissions';
import { loadAccountScope, type AccountInScope } from '@/lib/auth/load-account-scope';
import type { SessionUser } from '@/lib/auth/read-session';
import type { ActionResult, FieldErrors, FormAction } from './action-result';
import type { Translate } from '@/lib/i18n/translate';
import { translateIssues } from './translate-issues';
import { controlCharacterProblems } from './control-characters';
import { isDatabaseUnreachable } from '@/lib/errors/database-unreachable';
import { reportDatabaseUnreachable } from '@/lib/health/database-availability';
import type { AuditActor, UserActor } from '@/lib/audit/audit-actor';
import { auditActorOf } from './audit-actor-of';

/**
 * Who may call an action: anyone, any signed-in user, holders of a host permission, or holders
 * of an account permission in the account the form names (its `accountId` field).
 */
export type ActionAccess = 'public' | 'signed-in' | HostPermission | { account: AccountPermission };

type ActionUser<Access extends ActionAccess> = Access extends 'public'
  ? SessionUser | null
  : SessionUser;

type Context<Access extends ActionAccess> = {
  user: ActionUser<Access>;
  db: Database;
  t: Translate;
  /** The caller as the audit log records them: pass it to the domain call that changes things. */
  actor: Access extends 'public' ? AuditActor : UserActor;
} & (Access extends { account: AccountPermission } ? { account: AccountInScope } : unknown);

/**
 * The fields a form's schema names (of every branch, for a union), and `form` for an issue
 * that names no field: the keys a handler's field errors may use.
 */
type Field<Schema extends z.ZodType> =
  | (z.input<Schema> extends infer Input
      ? Input extends unknown
        ? keyof Input & string
        : never
      : never)
  | 'form';

/**
 * The form's schema, or a function making it for the caller: some rules depend on who asks
 * (a new password must not contain the user's own email).
 */
type SchemaFor<Schema extends z.ZodType, Access extends ActionAccess> =
  Schema | ((caller: { user: ActionUser<Access> }) => Schema);

/**
 * Makes a server action that cannot forget the basics: it parses the form with `schema`,
 * checks the session and the permission on the server, then calls `handler` (one domain call).
 * A host permission is checked before parsing; an account permission right after, since it
 * needs the account the form names.
 * Zod messages are catalog keys under `validation.*`.
 *
 * Before the schema, every form value is checked for control characters (PostgreSQL refuses a
 * NUL byte outright): each field holding one gets a field error, and nothing runs. Fields named
 * in `multiline` (a textarea) may hold tabs and line breaks.
 * When the database cannot be reached, the caller reads so as a form error instead of a failure.
 */
export function action<
  Schema extends z.ZodType<
    Access extends { account: AccountPermission } ? { accountId: string } : unknown
  >,
  const Access extends ActionAccess,
  Data = undefined,
>(
  config: { schema: SchemaFor<Schema, Access>; access: Access; multiline?: readonly string[] },
  handler: (
    input: z.infer<Schema>,
    context: Context<Access>,
  ) => Promise<ActionResult<Data, Field<Schema>>>,
): FormAction<Data, Field<Schema>> {
  type Result = ActionResult<Data, Field<Schema>>;
  const run = async (formData: FormData, t: Translate): Promise<Result> => {
    const user = await getCurrentUser();
    if (config.access !== 'public') {
      if (!user) return { ok: false, formError: t('errors.signedOut') };
      if (
        typeof config.access === 'string' &&
        config.access !== 'signed-in' &&
        !mayOnHost(user, config.access)
      ) {
        return { ok: false, formError: t('errors.forbidden') };
      }
    }
    const controls = Object.entries(controlCharacterProblems(formData, config.multiline));
    if (controls.length > 0) {
      return {
        ok: false,
        // Keyed by what was submitted: a crafted request may name fields the form has not.
        fieldErrors: Object.fromEntries(
          controls.map(([field, problem]) => [field, [t(`validation.${problem}`)]]),
        ) as FieldErrors<Field<Schema>>,
      };
    }
    const schema =
      typeof config.schema === 'function'
        ? config.schema({ user: user as ActionUser<Access> })
        : config.schema;
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      // Keyed by the issues' paths: the schema's own fields, or `form`.
      const fieldErrors = translateIssues(parsed.error.issues, t) as FieldErrors<Field<Schema>>;
      return { ok: false, fieldErrors };
    }
    const db = await getDb();
    if (typeof config.access === 'object') {
      // Checked against the stored account, so a form naming another account is refused.
      const { accountId } = parsed.data as { accountId: string };
      const account = await loadAccountScope(db, accountId);
      if (!account) return { ok: false, formError: t('errors.accountGone') };
      if (!mayInAccount(user!, config.access.account, account)) {
        return { ok: false, formError: t('errors.forbidden') };
      }
      const actor = await auditActorOf(user!, accountId);
      return handler(parsed.data, { user, db, t, account, actor } as Context<Access>);
    }
    const actor = await auditActorOf(user);
    return handler(parsed.data, { user, db, t, actor } as Context<Access>);
  };

  return async (_previous, formData) => {
    const t: Translate = await getTranslations();
    // Only a crafted request calls a form's action without its form (the proxy refuses most).
    if (!(formData instanceof FormData)) return { ok: false, formError: t('errors.badRequest') };
    try {
      return await run(formData, t);
    } catch (error) {
      // A redirect or not-found from the handler is Next's control flow, not a failure.
      unstable_rethrow(error);
      if (!isDatabaseUnreachable(error)) {
        log.error(`A server action failed: ${rootMessage(error)}`);
        throw error;
      }
      await reportDatabaseUnreachable(error);
      return { ok: false, formError: t('errors.databaseUnavailable') };
    }
  };
}
