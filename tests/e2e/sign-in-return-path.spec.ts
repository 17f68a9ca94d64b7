import { expect, test } from '../support/e2e-fixtures';
import { postCredentials } from '../support/credentials-sign-in';
import { signInCookie } from '../support/e2e-users';

// After sign-in the app returns to ?callbackUrl=, but only to a path on this site: browsers
// drop tabs and line breaks inside URLs, so "/\t/evil.example" would become "//evil.example".

const phish = '/%09/evil.example/phish';

/** Query strings that must all end on the dashboard, never off-site and never in a 500. */
const unusable = [
  `callbackUrl=${phish}`,
  'callbackUrl=/%0a/evil.example/phish',
  'callbackUrl=/users%0d%0aSet-Cookie:%20x=1',
  'callbackUrl=/users%E3%80%80',
  'callbackUrl=/..//evil.example',
  'callbackUrl=%2F%2Fevil.example',
  'callbackUrl=/%5Cevil.example',
  'callbackUrl=https://evil.example/',
  'callbackUrl=/users&callbackUrl=//evil.example',
];

/** `location` resolved as a browser would, against the page it came from. */
function resolved(location: string | undefined, baseURL: string): URL {
  expect(location, 'a Location header').toBeDefined();
  return new URL(location!, baseURL);
}

test('signed in, /sign-in sends an unusable callbackUrl to the dashboard of this site', async ({
  request,
  makeUser,
  database,
  baseURL,
}) => {
  const cookie = await signInCookie(database, await makeUser());
  for (const query of unusable) {
    const response = await request.get(`/sign-in?${query}`, {
      headers: { cookie },
      maxRedirects: 0,
    });
    expect(response.status(), query).toBe(307);
    const target = resolved(response.headers().location, baseURL!);
    expect(target.origin, query).toBe(new URL(baseURL!).origin);
    expect(target.pathname, query).toBe('/dashboard');
  }
  // A path on this site is kept.
  const kept = await request.get('/sign-in?callbackUrl=%2Fsettings%2Fsmtp%3Ftab%3D1', {
    headers: { cookie },
    maxRedirects: 0,
  });
  expect(kept.status()).toBe(307);
  const target = resolved(kept.headers().location, baseURL!);
  expect(target.pathname + target.search).toBe('/settings/smtp?tab=1');
});

test('signed out, the right password on /sign-in?callbackUrl=/%09/evil… lands on the dashboard', async ({
  page,
  makeUser,
  baseURL,
}) => {
  const user = await makeUser();
  await page.goto(`/sign-in?callbackUrl=${phish}`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${baseURL}/dashboard`);
  await expect(page.getByRole('banner')).toContainText(user.email);
});

test("next-auth's own redirects stay on this site: the sign-in POST and the callbackUrl cookie", async ({
  request,
  makeUser,
  baseURL,
}) => {
  const user = await makeUser();
  const sameSite = (url: string) => {
    const target = new URL(url, baseURL);
    expect(target.port, url).toBe(new URL(baseURL!).port);
    expect(['localhost', '127.0.0.1'], url).toContain(target.hostname);
    return target;
  };
  for (const callbackUrl of ['/\t/evil.example/phish', '/..//evil.example', '.evil', '//evil']) {
    // As next-auth's client posts it (JSON answer), and as a plain form would (302).
    const json = await postCredentials(request, { ...user, callbackUrl });
    expect(json.status(), callbackUrl).toBe(200);
    expect(sameSite((await json.json()).url).pathname, callbackUrl).toBe('/dashboard');
    const plain = await postCredentials(request, { ...user, callbackUrl }, { json: false });
    expect(plain.status(), callbackUrl).toBe(302);
    expect(sameSite(plain.headers().location!).pathname, callbackUrl).toBe('/dashboard');
  }

  // next-auth remembers a callbackUrl in a cookie and follows it on later requests.
  const remembered = await request.get('/api/auth/signin', {
    headers: { cookie: `next-auth.callback-url=${encodeURIComponent('/\t/evil.example/phish')}` },
    maxRedirects: 0,
  });
  expect(remembered.status()).toBe(302);
  const signInPage = sameSite(remembered.headers().location!);
  expect(signInPage.pathname).toBe('/sign-in');
  expect(sameSite(signInPage.searchParams.get('callbackUrl')!).pathname).toBe('/dashboard');
});
