import type { NextRequest } from 'next/server';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { requestLocale } from '@/lib/i18n/request-locale';

const catalogs = { en, de };

const messages = { 413: 'requestTooLarge', 503: 'databaseUnavailable' } as const;

/**
 * A request refused before any route reads it (a server action's body, a call of next-auth's
 * endpoints), or one that needed the database while it was down: the status, and one line in
 * the caller's language saying what to do.
 */
export function refuseRequest(
  request: NextRequest,
  status: 400 | 404 | 405 | 413 | 415 | 503,
): Response {
  const { errors } = catalogs[requestLocale(request)];
  const key = status === 413 || status === 503 ? messages[status] : 'badRequest';
  return new Response(errors[key], {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
