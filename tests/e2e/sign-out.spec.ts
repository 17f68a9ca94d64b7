import { eq } from 'drizzle-orm';
import { sessions } from '@/db/schema';
import { expect, test } from '../support/e2e-fixtures';
import { postCredentials } from '../support/credentials-sign-in';

// Every way of signing out ends the session on the server, not only the browser's cookie: a
// copy of the cookie taken before must not open the console afterwards.

test("next-auth's own /api/auth/signout ends the server session", async ({
  request,
  makeUser,
  database,
  baseURL,
}) => {
  const user = await makeUser();
  expect((await postCredentials(request, user)).status()).toBe(200);
  const saved = (await request.storageState()).cookies.find(
    (cookie) => cookie.name === 'gatehouse.session',
  );
  expect(saved, 'the session cookie').toBeDefined();
  const replay = () =>
    fetch(`${baseURL}/profile`, {
      headers: { cookie: `gatehouse.session=${saved!.value}` },
      redirect: 'manual',
    });
  expect((await replay()).status).toBe(200);
  const sessionRows = () => database.db.select().from(sessions).where(eq(sessions.userId, user.id));
  expect(await sessionRows()).toHaveLength(1);

  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const signedOut = await request.post('/api/auth/signout', {
    form: { csrfToken, json: 'true' },
    maxRedirects: 0,
  });
  expect(signedOut.status()).toBe(200);
  expect(signedOut.headers()['set-cookie']).toContain('gatehouse.session=;');

  const replayed = await replay();
  expect(replayed.status).toBe(307);
  expect(new URL(replayed.headers.get('location')!, baseURL).pathname).toBe('/sign-in');
  expect(await sessionRows()).toEqual([]);
});
