// Server actions of the SMTP page and the dashboard card: save, send a test email, the switch.
'use server';

import { revalidatePath } from 'next/cache';
import { getFormatter, getLocale } from 'next-intl/server';
import { z } from 'zod';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/translate';
import { testEmailMessage } from '@/lib/smtp/test-email-message';
import { action } from '@/lib/actions/action';
import { emailField } from '@/lib/auth/password-fields';
import { getHostName } from '@/lib/host/get-host-name';
import type { SmtpTestReport } from '@/lib/smtp/send-test-email';
import { getSmtpSettings, type SmtpSettingsView } from '@/lib/smtp/get-smtp-settings';
import { runSmtpTest } from '@/lib/smtp/run-smtp-test';
import { saveSmtpConfig } from '@/lib/smtp/save-smtp-config';
import { switchSmtp } from '@/lib/two-factor/switch-smtp';
import type { SmtpSwitchAnswer } from '@/components/smtp/smtp-switch';
import { smtpFormSchema } from '@/lib/smtp/smtp-form-schema';
import { smtpSwitchPlaces } from '@/lib/smtp/smtp-switch-place';
import type { SecretNeeded } from '@/lib/smtp/secret-needed';
import type { SmtpForm } from '@/lib/smtp/smtp-form-schema';
import type { Database } from '@/db/database';
import type { UserActor } from '@/lib/audit/audit-actor';

/** Beside the secret's field: why the stored password (or client secret, key) is not used. */
function secretAgain(needed: SecretNeeded, form: SmtpForm, t: Translate) {
  if (needed.reason === 'passwordNeeded') {
    return {
      ok: false as const,
      fieldErrors: { password: [t(`validation.smtpPasswordAgain.${needed.changed}`)] },
    };
  }
  const field = form.oauthProvider === 'google' ? 'oauthKeyJson' : 'oauthClientSecret';
  return {
    ok: false as const,
    fieldErrors: { [field]: [t(`validation.smtpSecretAgain.${needed.changed}`)] },
  };
}

function refreshSmtpPages() {
  revalidatePath('/settings/smtp');
  revalidatePath('/dashboard');
}

export const saveSmtpAction = action(
  { schema: smtpFormSchema, access: 'host.settings', multiline: ['caPem', 'oauthKeyJson'] },
  async (form, { db, t, actor }) => {
    const result = await saveSmtpConfig(db, { form, actor });
    if (!result.ok && result.reason === 'setByEnvironment') {
      return { ok: false, formError: t('smtp.form.setByEnvironment') };
    }
    if (!result.ok) return secretAgain(result, form, t);
    refreshSmtpPages();
    return { ok: true, data: (await getSmtpSettings(db)) as SmtpSettingsView };
  },
);

const testRecipientField = z.union([z.literal(''), emailField]).optional();
const testSchema = z.intersection(smtpFormSchema, z.object({ testRecipient: testRecipientField }));

type TestAnswer =
  | { ok: true; data: { report: SmtpTestReport; testedAt: string } }
  | { ok: false; formError: string }
  | ({ ok: false } & SecretNeeded);

/**
 * A test with the form's values, or (form null) with the environment's configuration; a
 * secret the form must give again is left to the caller, which knows the form's fields.
 */
async function sendTest(
  form: SmtpForm | null,
  testRecipient: string | undefined,
  { user, db, t, actor }: { user: { email: string }; db: Database; t: Translate; actor: UserActor },
): Promise<TestAnswer> {
  const to = testRecipient || user.email;
  // In the admin's own language: they are the one reading it.
  const message = await testEmailMessage({
    hostName: await getHostName(),
    requestedBy: user.email,
    locale: (await getLocale()) as Locale,
  });
  const result = await runSmtpTest(db, { form, to, actor, message });
  // No page refresh: the panel shows this result itself, and every page reads the last
  // test afresh when opened. Re-rendering the page into the answer doubled the test's time.
  if (result.ok) {
    return {
      ok: true as const,
      data: { report: result.report as SmtpTestReport, testedAt: new Date().toISOString() },
    };
  }
  if (result.reason === 'notSetByEnvironment') {
    return { ok: false as const, formError: t('smtpTest.notSetByEnvironment') };
  }
  if (result.reason !== 'throttled') return result;
  const format = await getFormatter();
  return {
    ok: false as const,
    formError: t('smtpTest.throttled', {
      time: format.dateTime(result.retryAt, { timeStyle: 'short' }),
    }),
  };
}

export const testSmtpAction = action(
  { schema: testSchema, access: 'host.settings', multiline: ['caPem', 'oauthKeyJson'] },
  async ({ testRecipient, ...form }, context) => {
    const answer = await sendTest(form, testRecipient, context);
    return 'reason' in answer ? secretAgain(answer, form, context.t) : answer;
  },
);

/** The test on the page of a configuration the environment sets: only the recipient is sent. */
export const testEnvironmentSmtpAction = action(
  { schema: z.object({ testRecipient: testRecipientField }), access: 'host.settings' },
  async ({ testRecipient }, context) => {
    const answer = await sendTest(null, testRecipient, context);
    // With no form there is no secret to ask for; the environment's configuration has its own.
    return 'reason' in answer
      ? { ok: false, formError: context.t('smtpTest.notSetByEnvironment') }
      : answer;
  },
);

const switchSchema = z.object({
  enabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
  version: z.string().max(64).optional(),
  /** Turning off although some users sign in only with emailed codes (they were named). */
  confirmed: z.literal('true').optional(),
  place: z.enum(smtpSwitchPlaces),
});

export const setSmtpEnabledAction = action<typeof switchSchema, 'host.settings', SmtpSwitchAnswer>(
  { schema: switchSchema, access: 'host.settings' },
  async ({ enabled, version, confirmed, place }, { db, t, actor }) => {
    const result = await switchSmtp(db, {
      enabled,
      version: version || undefined,
      confirmed: confirmed === 'true',
      actor,
      place,
    });
    if (!result.ok && result.reason === 'emailOnlyUsers') {
      return { ok: true, data: { confirm: { emails: result.emails, total: result.total } } };
    }
    if (!result.ok) return { ok: false, formError: t(`smtpSwitch.refused.${result.reason}`) };
    refreshSmtpPages();
    return { ok: true, data: { enabled: result.enabled } };
  },
);
