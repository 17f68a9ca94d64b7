import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps } from 'react';
import { renderToString } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import AuthError from '@/app/(auth)/error';
import GlobalError from '@/app/global-error';

// The error boundaries outside the console: the sign-in card's, and the one that replaces the
// root layout when it fails. Rendered as the server would, reading what a visitor reads.

const serverError = Object.assign(new Error('hidden in production'), { digest: '4242' });
const retry = () => {};

describe('the (auth) error boundary', () => {
  it('says what happened in the visitor’s language, quotes the reference, and leads to sign-in', () => {
    const html = renderToString(
      createElement(
        NextIntlClientProvider,
        // Its children come as the third argument; the props type wants them among these.
        { locale: 'de', timeZone: 'UTC', messages: { errorPage: de.errorPage } } as ComponentProps<
          typeof NextIntlClientProvider
        >,
        createElement(AuthError, { error: serverError, retry }),
      ),
    );
    expect(html).toContain('<h1');
    expect(html).toContain(de.errorPage.title);
    expect(html).toContain(de.errorPage.description);
    expect(html).toContain('Nennen Sie dabei diese Referenz: 4242');
    expect(html).toContain(de.errorPage.tryAgain);
    expect(html).toMatch(/<a[^>]*href="\/sign-in"[^>]*>Zur Anmeldung<\/a>/);
    expect(html).not.toContain('hidden in production');
  });
});

describe('the global error boundary', () => {
  it('brings its own document and its own messages, without the root layout’s provider', async () => {
    const { prelude } = await prerender(createElement(GlobalError, { error: serverError, retry }));
    const html = await new Response(prelude).text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"/);
    expect(html).toContain('<body');
    expect(html).toContain('Something went wrong');
    expect(html).toContain('Quote this reference: 4242');
    expect(html).toMatch(/<a[^>]*href="\/dashboard"[^>]*>Go to the dashboard<\/a>/);
    expect(html).not.toContain('hidden in production');
  });
});
