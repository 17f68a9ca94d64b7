import { describe, expect, it } from 'vitest';
import {
  actionBodyLimitBytes,
  checkActionBody,
  isActionRequest,
  jsonDepth,
} from '@/lib/http/action-body';

// What the proxy lets through to Next's action handler, which answers 500 to any body it
// cannot read. The bodies are written out as React's reply encoding sends them.

const boundary = 'test-boundary';
const multipartType = `multipart/form-data; boundary=${boundary}`;
function multipart(parts: Record<string, string>, { closed = true } = {}): string {
  const body = Object.entries(parts)
    .map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join('');
  return closed ? `${body}--${boundary}--\r\n` : body;
}

function actionRequest(
  body: BodyInit,
  { contentType = multipartType, fetchCall = true, headers = {} as Record<string, string> } = {},
): Request {
  return new Request('http://gatehouse.test/settings/general', {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(fetchCall ? { 'next-action': '7f00aa' } : {}),
      ...headers,
    },
    body,
    duplex: 'half',
  } as RequestInit);
}

/** A body of `size` bytes with no Content-Length: sent chunked. */
function stream(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += 65_536) {
        controller.enqueue(bytes.subarray(offset, offset + 65_536));
      }
      controller.close();
    },
  });
}

const formCall = { '0': '[null,"$K1"]', '1_hostName': 'Nordlicht' };

describe('checkActionBody', () => {
  it("lets a form's call through: useActionState's and a plain <form action>'s", async () => {
    expect(await checkActionBody(actionRequest(multipart(formCall)))).toBe('ok');
    expect(await checkActionBody(actionRequest(multipart({ '0': '["$K1"]' })))).toBe('ok');
  });

  it('lets through the call of a form action that takes no arguments (Sign out everywhere)', async () => {
    // Next leaves out the form data such an action would not read: React sends `[]` as text.
    const call = actionRequest('[]', { contentType: 'text/plain;charset=UTF-8' });
    expect(await checkActionBody(call)).toBe('ok');
  });

  it('refuses bodies Next could not read, or that no form of the app sends', async () => {
    const malformed = [
      actionRequest('[null]', { contentType: 'text/plain;charset=UTF-8' }),
      actionRequest('{{{', { contentType: 'text/plain;charset=UTF-8' }),
      actionRequest(multipart(formCall, { closed: false })),
      actionRequest(multipart({ '0': '[null]' })),
      actionRequest(multipart({ '0': '[null,"$K1"', '1_hostName': 'x' })),
      actionRequest(multipart({ ...formCall, '2': `${'['.repeat(10_000)}${']'.repeat(10_000)}` })),
    ];
    for (const request of malformed) expect(await checkActionBody(request)).toBe('malformed');
  });

  it('refuses a body over the limit, by its length or, sent chunked, by counting', async () => {
    const big = multipart({ ...formCall, '1_hostName': 'x'.repeat(actionBodyLimitBytes) });
    expect(await checkActionBody(actionRequest(big))).toBe('tooLarge');
    expect(await checkActionBody(actionRequest(stream(big)))).toBe('tooLarge');
    const declared = actionRequest('[]', { headers: { 'content-length': String(2 ** 21) } });
    expect(await checkActionBody(declared)).toBe('tooLarge');
  });

  it('checks a form post made without JavaScript only for being readable', async () => {
    const post = { $ACTION_ID_7f00aa: '', hostName: 'Nordlicht' };
    expect(await checkActionBody(actionRequest(multipart(post), { fetchCall: false }))).toBe('ok');
    expect(
      await checkActionBody(
        actionRequest(multipart(post, { closed: false }), { fetchCall: false }),
      ),
    ).toBe('malformed');
  });
});

describe('isActionRequest', () => {
  it('is a POST with Next-Action or a multipart form, outside the API routes', () => {
    expect(isActionRequest(actionRequest('x'))).toBe(true);
    expect(isActionRequest(actionRequest('x', { fetchCall: false }))).toBe(true);
    expect(
      isActionRequest(actionRequest('x', { fetchCall: false, contentType: 'application/json' })),
    ).toBe(false);
    expect(isActionRequest(new Request('http://gatehouse.test/settings', { method: 'GET' }))).toBe(
      false,
    );
    const api = new Request('http://gatehouse.test/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': multipartType },
      body: 'x',
    });
    expect(isActionRequest(api)).toBe(false);
  });
});

describe('jsonDepth', () => {
  it('counts brackets, not those inside strings', () => {
    expect(jsonDepth('[null,"$K1"]')).toBe(1);
    expect(jsonDepth('{"a":[{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
  });
});
