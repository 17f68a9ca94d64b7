import { describe, expect, it } from 'vitest';
import {
  emailNames,
  renderEmail,
  type EmailName,
  type RenderedEmail,
} from '@/lib/mail/render-email';
import { locales } from '@/lib/i18n/locales';
import { hostName, samples, shownDate } from './email-samples';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function render(name: EmailName, locale: (typeof locales)[number]): Promise<RenderedEmail> {
  return renderEmail(name, samples[name].props as never, locale);
}

/** Every href in the HTML, as written. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/href\s*=\s*"([^"]*)"/gi)].map((match) => match[1] ?? '');
}

const cases = emailNames.flatMap((name) => locales.map((locale) => [name, locale] as const));

describe.each(cases)('%s in %s', (name, locale) => {
  const { link, dated } = samples[name];

  it('shows the host name, its link and its date in HTML and text', async () => {
    const email = await render(name, locale);
    expect(email.subject).toContain(hostName);
    expect(email.html).toContain(`lang="${locale}"`);
    for (const body of [email.html, email.text]) {
      expect(body).toContain(hostName);
      if (dated) expect(body).toContain(shownDate[locale]);
    }
    if (link) {
      expect(email.text).toContain(link);
      expect(hrefs(email.html)).toContain(escapeHtml(link));
    }
  });

  it('leaves no catalog key, placeholder or missing value in what it sends', async () => {
    const email = await render(name, locale);
    for (const part of [email.subject, email.html, email.text]) {
      expect(part).not.toMatch(/\bemail\.[a-z]+/i);
      expect(part).not.toMatch(/[{}]/);
      expect(part).not.toMatch(/undefined|null|NaN|Invalid Date/);
    }
  });

  it('has no broken links: every href is an absolute web or mailto URL', async () => {
    const email = await render(name, locale);
    for (const href of hrefs(email.html)) {
      expect(href).toMatch(/^(https?:\/\/[^\s/]+\/?|mailto:)\S*$/);
    }
  });
});

describe('renderEmail', () => {
  it('writes German for German readers', async () => {
    const [en, de] = await Promise.all([render('test-email', 'en'), render('test-email', 'de')]);
    expect(en.subject).toBe(`Test email from ${hostName}`);
    expect(de.subject).toBe(`Test-E-Mail von ${hostName}`);
  });

  it('says what each kind of invitation gives access to', async () => {
    const base = samples.invitation.props;
    const subjects = await Promise.all([
      renderEmail('invitation', { ...base, kind: 'hostUser' }, 'en'),
      renderEmail(
        'invitation',
        { ...base, kind: 'individualUser', accountNames: ['A', 'B', 'C'] },
        'de',
      ),
      renderEmail('invitation', { ...base, kind: 'accountAdmin', accountName: 'Café Ü' }, 'en'),
    ]);
    expect(subjects.map((email) => email.subject)).toEqual([
      `You are invited to ${hostName}`,
      `Einladung zu A, B und C bei ${hostName}`,
      `Set up the account Café Ü on ${hostName}`,
    ]);
    expect(subjects[1]?.text).toContain('Sie erhalten Zugriff auf A, B und C.');
  });

  it('tells a self-service reset from an admin-made one', async () => {
    const { props } = samples['password-reset'];
    const self = await renderEmail('password-reset', { ...props, kind: 'selfService' }, 'en');
    const admin = await render('password-reset', 'en');
    expect(self.text).toContain('Someone asked to reset the password of ada@example.test');
    expect(admin.text).toContain('admin@nordlicht.test made a link for you');
  });

  it('keeps injected markup as text', async () => {
    const evil = '<script>alert(1)</script>';
    const email = await renderEmail(
      'invitation',
      {
        ...samples.invitation.props,
        hostName: evil,
        invitedBy: '"><img src=x onerror=alert(1)>',
        link: 'https://x.test/invite/a"onmouseover="alert(1)',
      },
      'en',
    );
    expect(email.html).not.toMatch(/<script|<img|"onmouseover/i);
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.text).toContain(evil);
  });

  it.each(['', '/invite/tok', 'javascript:alert(1)', 'undefined'])(
    'refuses to send a dead or unsafe link: %j',
    async (link) => {
      await expect(
        renderEmail('password-reset', { ...samples['password-reset'].props, link }, 'en'),
      ).rejects.toThrow(/link/);
    },
  );

  // Only reachable past the type checker (data read back from storage): nothing is rendered.
  it.each([
    ['undefined', { requestedBy: undefined }],
    ['blank', { requestedBy: '  ' }],
    ['null', { requestedBy: null }],
  ])('fails rather than sending a message with a %s value', async (_, values) => {
    const props = { ...samples['test-email'].props, ...values } as never;
    await expect(renderEmail('test-email', props, 'de')).rejects.toThrow(/"requestedBy" is/);
  });

  it('fails rather than sending a message with a value left out', async () => {
    const props = { hostName } as never;
    await expect(renderEmail('test-email', props, 'de')).rejects.toThrow(/requestedBy/);
  });

  it('fails on an invalid date or an empty list', async () => {
    const reset = { ...samples['password-reset'].props, expiresAt: new Date('soon') };
    await expect(renderEmail('password-reset', reset, 'en')).rejects.toThrow(/"expiresAt"/);
    const invitation = { ...samples.invitation.props, kind: 'individualUser', accountNames: [] };
    await expect(renderEmail('invitation', invitation as never, 'en')).rejects.toThrow(
      /"accountNames"/,
    );
  });

  it('puts the subject on one line of at most 200 characters', async () => {
    const long = `Nordlicht\r\nBcc: victim@example.test ${'Ä'.repeat(300)}`;
    const email = await renderEmail(
      'test-email',
      { ...samples['test-email'].props, hostName: long },
      'en',
    );
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject.startsWith('Test email from Nordlicht Bcc: victim@example.test')).toBe(
      true,
    );
    expect(email.subject.length).toBeLessThanOrEqual(200);
    expect(email.subject.endsWith('…')).toBe(true);
  });
});

// Never called: `tsc --noEmit` checks that a missing or mistyped prop is a type error.
export function missingPropsDoNotCompile() {
  // @ts-expect-error -- `link` and `expiresAt` are missing
  void renderEmail('password-reset', { kind: 'selfService', hostName, email: 'a@b.test' }, 'en');
  // @ts-expect-error -- an account admin's invitation needs the account's name
  void renderEmail('invitation', { ...samples.invitation.props, kind: 'accountAdmin' }, 'en');
  // @ts-expect-error -- no such template
  void renderEmail('welcome', {}, 'en');
  // @ts-expect-error -- no such language
  void renderEmail('test-email', samples['test-email'].props, 'fr');
}
