import 'server-only';
import { renderEmail, type RenderedEmail } from '@/lib/mail/render-email';
import type { Locale } from '@/lib/i18n/locales';

// The test email depends only on these three values and carries no link or time, so each
// combination is rendered once per process: rendering costs ~20 ms, a test should not.
const rendered = new Map<string, Promise<RenderedEmail>>();
const keep = 50;

/** The test email's subject, HTML and text for this host, requester and language. */
export function testEmailMessage(options: {
  hostName: string;
  requestedBy: string;
  locale: Locale;
}): Promise<RenderedEmail> {
  const key = JSON.stringify([options.hostName, options.requestedBy, options.locale]);
  let message = rendered.get(key);
  if (!message) {
    message = renderEmail(
      'test-email',
      { hostName: options.hostName, requestedBy: options.requestedBy },
      options.locale,
    );
    // A failed render is not kept: the next test tries again.
    message.catch(() => rendered.delete(key));
    if (rendered.size >= keep) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, message);
  }
  return message;
}
