import type { TestMessage } from '@/lib/mail/send-test-email';
import type { Translate } from '@/lib/i18n/translate';

/** The test email's text in the admin's language. (React Email templates replace this later.) */
export function testEmailMessage(
  t: Translate,
  options: { hostName: string; requestedBy: string },
): TestMessage {
  const values = { hostName: options.hostName, requestedBy: options.requestedBy };
  const subject = t('testEmail.subject', values);
  const lines = [t('testEmail.body', values), t('testEmail.unexpected', values)];
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    subject,
    text: lines.join('\n\n'),
    html: lines.map((line) => `<p>${escape(line)}</p>`).join(''),
  };
}
