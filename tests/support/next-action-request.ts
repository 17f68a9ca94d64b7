import type { Page, Request } from '@playwright/test';

/** The next server-action call the page makes, captured to be replayed by someone else. */
export function nextActionRequest(page: Page): Promise<Request> {
  return page.waitForRequest(
    (request) => request.method() === 'POST' && !!request.headers()['next-action'],
  );
}
