import { createVerify, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TestCertificates } from './certificates';
import { createTestServiceAccount, type TestServiceAccount } from './service-account-key';

// A small OAuth2 token server on loopback, answering as Microsoft Entra, Google and a plain
// RFC 6749 server answer: tokens for the right client, and each refusal in the provider's own
// shape, decided by checking the request (secret, tenant, JWT signature and claims), not by a
// switch. Faults cover what no request can cause: an expired secret, a broken endpoint.

export type TokenFault =
  'oversized' | 'expired-client-secret' | 'server-error' | 'not-json' | 'stall' | 'no-token';

interface TokenFetch {
  kind: 'microsoft' | 'google' | 'other';
  ok: boolean;
  error?: string;
  clientId: string;
  scope: string;
  subject?: string;
  at: number;
}

export interface TestTokenServer {
  /** http://127.0.0.1:PORT: the Microsoft authority; tokens at `${url}/${tenant}/oauth2/v2.0/token`. */
  url: string;
  /** Google's JWT-bearer endpoint, as a service account key's token_uri names it. */
  googleTokenUri: string;
  /** A plain client-credentials endpoint (HTTP Basic or body credentials, not both). */
  otherTokenUrl: string;
  microsoft: { tenant: string; tenantDomain: string; clientId: string; clientSecret: string };
  other: { clientId: string; clientSecret: string; scope: string };
  serviceAccount: TestServiceAccount;
  /** Mailboxes the service account's domain-wide delegation covers for https://mail.google.com/. */
  delegatedMailboxes: Set<string>;
  /** Every token request, in order: what the client presented and whether it got a token. */
  fetches: TokenFetch[];
  setLifetimeSeconds(seconds: number): void;
  setFault(fault: TokenFault | null): void;
  /** Issued here, unexpired, unrevoked, and (for Google) issued for this mailbox. */
  accepts(token: string, mailbox: string): boolean;
  revokeAll(): void;
  close(): Promise<void>;
}

const microsoftScope = 'https://outlook.office365.com/.default';
const googleScope = 'https://mail.google.com/';

interface Issued {
  expiresAt: number;
  mailbox: string | null;
  revoked: boolean;
}

interface Answer {
  status: number;
  body: Record<string, unknown> | string;
  headers?: Record<string, string>;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Microsoft's error answer: numbered, traced, with a description starting with the number. */
function entraError(status: number, error: string, code: number, description: string): Answer {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

function decodeJwt(assertion: string) {
  const [header, claims, signature] = assertion.split('.');
  if (!header || !claims || !signature) return null;
  try {
    return {
      signed: `${header}.${claims}`,
      header: JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string },
      claims: JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>,
      signature: Buffer.from(signature, 'base64url'),
    };
  } catch {
    return null;
  }
}

/**
 * HTTP Basic client credentials: RFC 6749 §2.3.1 form-encodes id and secret before joining them
 * with the first colon. Undecodable ones come back empty, to be refused as wrong.
 */
function basicCredentials(encoded: string): { id: string; secret: string } {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const formDecode = (value: string) => decodeURIComponent(value.replaceAll('+', ' '));
  try {
    return colon < 0
      ? { id: formDecode(decoded), secret: '' }
      : { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return { id: '', secret: '' };
  }
}

/** `tls`: serve https with these certificates (signed by the harness CA, which Node does not trust). */
export async function startTestTokenServer(
  options: { tls?: TestCertificates } = {},
): Promise<TestTokenServer> {
  const microsoft = {
    tenant: randomUUID(),
    tenantDomain: 'nordlicht.onmicrosoft.example',
    clientId: randomUUID(),
    clientSecret: `Qx8~${randomBytes(18).toString('base64url')}`,
  };
  const other = {
    clientId: 'gatehouse-smtp',
    clientSecret: randomBytes(24).toString('base64url'),
    scope: 'smtp.send',
  };
  const serviceAccount = createTestServiceAccount();
  const delegatedMailboxes = new Set<string>();
  const fetches: TokenFetch[] = [];
  const issued = new Map<string, Issued>();
  const sockets = new Set<Socket>();
  let lifetimeSeconds = 3600;
  let fault: TokenFault | null = null;
  let url = '';

  function grant(kind: TokenFetch['kind'], mailbox: string | null): Answer {
    const token =
      kind === 'google'
        ? `ya29.${randomBytes(32).toString('base64url')}`
        : randomBytes(48).toString('base64url');
    issued.set(token, { expiresAt: Date.now() + lifetimeSeconds * 1000, mailbox, revoked: false });
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      expires_in: lifetimeSeconds,
      access_token: token,
    };
    if (kind === 'microsoft') body.ext_expires_in = lifetimeSeconds;
    return { status: 200, body };
  }

  function microsoftToken(tenant: string, form: URLSearchParams): Answer {
    if (tenant !== microsoft.tenant && tenant !== microsoft.tenantDomain) {
      return entraError(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      );
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return entraError(
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
    }
    const clientId = form.get('client_id') ?? '';
    if (clientId !== microsoft.clientId) {
      return entraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant.`,
      );
    }
    if (fault === 'expired-client-secret') {
      return entraError(
        401,
        'invalid_client',
        7000222,
        `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app.`,
      );
    }
    if (!form.has('client_secret')) {
      return entraError(
        401,
        'invalid_client',
        7000216,
        "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
      );
    }
    if (form.get('client_secret') !== microsoft.clientSecret) {
      return entraError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      );
    }
    const scope = form.get('scope') ?? '';
    if (scope !== microsoftScope) {
      return entraError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    return grant('microsoft', null);
  }

  function googleToken(form: URLSearchParams): {
    answer: Answer;
    issuer?: string;
    scope?: string;
    subject?: string;
  } {
    const refuse = (status: number, error: string, description: string) => ({
      status,
      body: { error, error_description: description },
    });
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      return { answer: refuse(400, 'unsupported_grant_type', 'Invalid grant_type: ') };
    }
    const jwt = decodeJwt(form.get('assertion') ?? '');
    if (!jwt || jwt.header.alg !== 'RS256') {
      return { answer: refuse(400, 'invalid_grant', 'Invalid JWT Signature.') };
    }
    const claim = (name: string) =>
      typeof jwt.claims[name] === 'string' ? jwt.claims[name] : undefined;
    // What the request claimed, for `fetches`, whatever the answer.
    const asked = { issuer: claim('iss'), scope: claim('scope'), subject: claim('sub') };
    if (asked.issuer !== serviceAccount.clientEmail) {
      return { answer: refuse(400, 'invalid_grant', 'Invalid grant: account not found'), ...asked };
    }
    const signed = createVerify('RSA-SHA256')
      .update(jwt.signed)
      .verify(serviceAccount.publicKeyPem, jwt.signature);
    if (!signed)
      return { answer: refuse(400, 'invalid_grant', 'Invalid JWT Signature.'), ...asked };
    if (jwt.claims.aud !== `${url}/google/token`) {
      return {
        answer: refuse(400, 'invalid_grant', 'Invalid JWT: Failed audience check.'),
        ...asked,
      };
    }
    const now = Date.now() / 1000;
    const iat = Number(jwt.claims.iat);
    const exp = Number(jwt.claims.exp);
    // Written so that a missing (NaN) iat or exp fails every comparison and is refused.
    const inTimeframe = exp > iat && exp - iat <= 3600 && Math.abs(iat - now) <= 300 && exp > now;
    if (!inTimeframe) {
      return {
        answer: refuse(
          400,
          'invalid_grant',
          'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
        ),
        ...asked,
      };
    }
    const subject = asked.subject;
    if (asked.scope !== googleScope || !subject || !delegatedMailboxes.has(subject)) {
      return {
        answer: refuse(
          401,
          'unauthorized_client',
          'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
        ),
        ...asked,
      };
    }
    return { answer: grant('google', subject), ...asked };
  }

  function otherToken(
    request: IncomingMessage,
    form: URLSearchParams,
  ): { answer: Answer; clientId: string } {
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '');
    const inBody = form.has('client_id') || form.has('client_secret');
    const { id, secret } = basic
      ? basicCredentials(basic[1]!)
      : { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
    const answer = (status: number, body: Answer['body'], headers?: Answer['headers']) => ({
      answer: { status, body, headers },
      clientId: id,
    });
    if (basic && inBody) {
      return answer(400, {
        error: 'invalid_request',
        error_description: 'more than one client authentication method',
      });
    }
    if (id !== other.clientId || secret !== other.clientSecret) {
      const challenge = basic ? { 'www-authenticate': 'Basic realm="token"' } : undefined;
      return answer(401, { error: 'invalid_client' }, challenge);
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return answer(400, { error: 'unsupported_grant_type' });
    }
    if ((form.get('scope') ?? '') !== other.scope) return answer(400, { error: 'invalid_scope' });
    return { answer: grant('other', null), clientId: id };
  }

  function write(response: ServerResponse, answer: Answer) {
    const json = typeof answer.body !== 'string';
    response.writeHead(answer.status, {
      'content-type': json ? 'application/json; charset=utf-8' : 'text/html',
      'cache-control': 'no-store',
      ...answer.headers,
    });
    response.end(json ? JSON.stringify(answer.body) : answer.body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', 'http://token.test').pathname;
    const microsoftPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    const kind: TokenFetch['kind'] | null = microsoftPath
      ? 'microsoft'
      : path === '/google/token'
        ? 'google'
        : path === '/oauth2/token'
          ? 'other'
          : null;
    if (!kind) return write(response, { status: 404, body: { error: 'not_found' } });
    if (request.method !== 'POST') {
      return write(response, {
        status: 405,
        body: { error: 'invalid_request' },
        headers: { allow: 'POST' },
      });
    }
    const form = await readForm(request);
    const record: TokenFetch = {
      kind,
      ok: false,
      clientId: form.get('client_id') ?? '',
      scope: form.get('scope') ?? '',
      at: Date.now(),
    };
    fetches.push(record);
    if (fault === 'stall') return; // never answers; close() destroys the socket
    if (fault === 'server-error') {
      return write(response, {
        status: 500,
        body: '<html><body><h1>500 Internal Server Error</h1></body></html>',
      });
    }
    if (fault === 'not-json') {
      return write(response, {
        status: 200,
        body: '<html><body>Sign in to continue</body></html>',
      });
    }
    if (fault === 'oversized') {
      // A token-shaped answer, but 2 MB of it: more than any token endpoint sends.
      return write(response, {
        status: 200,
        body: { access_token: 'x'.repeat(2 * 1024 * 1024), expires_in: 3600 },
      });
    }
    if (fault === 'no-token')
      return write(response, { status: 200, body: { token_type: 'Bearer' } });

    let answer: Answer;
    if (kind === 'microsoft') {
      answer = microsoftToken(decodeURIComponent(microsoftPath![1]!), form);
    } else if (kind === 'google') {
      const result = googleToken(form);
      answer = result.answer;
      record.clientId = result.issuer ?? '';
      record.scope = result.scope ?? '';
      record.subject = result.subject;
    } else {
      const result = otherToken(request, form);
      answer = result.answer;
      record.clientId = result.clientId;
    }
    record.ok = answer.status === 200;
    if (!record.ok && typeof answer.body !== 'string') record.error = String(answer.body.error);
    write(response, answer);
  }

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) write(response, { status: 500, body: String(error) });
    });
  };
  const server = options.tls
    ? createTlsServer({ key: options.tls.keyPem, cert: options.tls.certPem }, listener)
    : createServer(listener);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    googleTokenUri: `${url}/google/token`,
    otherTokenUrl: `${url}/oauth2/token`,
    microsoft,
    other,
    serviceAccount,
    delegatedMailboxes,
    fetches,
    setLifetimeSeconds: (seconds) => {
      lifetimeSeconds = seconds;
    },
    setFault: (next) => {
      fault = next;
    },
    accepts(token, mailbox) {
      const grantFor = issued.get(token);
      if (!grantFor || grantFor.revoked || grantFor.expiresAt <= Date.now()) return false;
      return grantFor.mailbox === null || grantFor.mailbox === mailbox;
    },
    revokeAll() {
      for (const grantFor of issued.values()) grantFor.revoked = true;
    },
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
