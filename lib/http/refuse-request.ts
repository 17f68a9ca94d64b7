import type { NextRequest } from 'next/server';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { requestLocale } from '@/lib/i18n/request-locale';

const catalogs = { en, de };

/**
 * A request refused before any route reads it (a server action's body, a call of next-auth's
 * endpoints): the status, and one line in the caller's language saying what to do.
 */
export function refuseRequest(request: NextRequest, status: 400 | 404 | 405 | 413 | 415): Response {
  const { errors } = catalogs[requestLocale(request)];
  return new Response(status === 413 ? errors.requestTooLarge : errors.badRequest, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
