import type { NextRequest } from 'next/server';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { requestLocale } from '@/lib/i18n/request-locale';
import type { ActionBodyVerdict } from './action-body';

const catalogs = { en, de };

/** The proxy's answer to an action body it refused: 413 or 400, with a line saying what to do. */
export function refuseActionBody(
  request: NextRequest,
  verdict: Exclude<ActionBodyVerdict, 'ok'>,
): Response {
  const { errors } = catalogs[requestLocale(request)];
  const [status, text] =
    verdict === 'tooLarge' ? [413, errors.requestTooLarge] : [400, errors.badRequest];
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
