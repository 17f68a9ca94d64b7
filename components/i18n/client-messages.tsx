import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickMessages, type MessageNamespace } from '@/lib/i18n/pick-messages';

/**
 * Gives the client components below it the messages of these namespaces, and only those:
 * a nested provider replaces the messages above it, it does not add to them. Every page with
 * translated client components wraps its content in one; tests/unit/client-messages.test.ts
 * fails when a namespace a client component uses is missing.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly MessageNamespace[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
