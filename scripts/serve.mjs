// Serves the production build (`npm start` runs it after building) through Next's custom-server
// API, so that each request reaches the app with a client address the client cannot forge:
// see lib/auth/forwarded-for.mjs. Serves the app in the current folder, on PORT (default 3000).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import promClient from 'prom-client';
import { proxyHops, vouchForClientAddress } from '../lib/auth/forwarded-for.mjs';
import { methodLabel, routeMatcher } from '../lib/metrics/route-label.mjs';
import { createLogger, requestContext } from '../lib/log/create-logger.mjs';

// As `next start` does; before Next and React load, which pick their builds by it.
process.env.NODE_ENV = 'production';
const { default: next } = await import('next');

const log = createLogger({
  format: process.env.LOG_FORMAT?.trim().toLowerCase(),
  level: process.env.LOG_LEVEL?.trim().toLowerCase(),
  terminal: process.stdout.isTTY,
});
const port = Number(process.env.PORT || 3000);
const hops = proxyHops(process.env.PROXY_HOPS);
const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();

// Every request's route, method, status and time for /api/metrics. On prom-client's default
// registry, which the app's own metrics use too (lib/metrics/registry.ts): the one module
// instance this process loads, since Next keeps prom-client external.
const routeOf = routeMatcher(
  Object.values(
    JSON.parse(
      readFileSync(path.join(process.cwd(), '.next', 'app-path-routes-manifest.json'), 'utf8'),
    ),
  ),
);
const requestSeconds = new promClient.Histogram({
  name: 'gatehouse_http_request_duration_seconds',
  help: 'HTTP requests by route pattern, method and status, with how long each took.',
  labelNames: ['route', 'method', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

// A proxy in front may have named the request already (X-Request-Id), so its log and ours
// match; trusted only from a proxy (PROXY_HOPS), and only in a sane shape.
const requestIdShape = /^[\w.:-]{1,128}$/;
function requestIdOf(request) {
  const given = request.headers['x-request-id'];
  return hops > 0 && typeof given === 'string' && requestIdShape.test(given) ? given : randomUUID();
}

const server = http.createServer((request, response) => {
  const started = process.hrtime.bigint();
  const route = routeOf(request.url);
  const context = { requestId: requestIdOf(request), route };
  request.headers['x-request-id'] = context.requestId;
  response.setHeader('X-Request-Id', context.requestId);
  response.once('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const method = methodLabel(request.method);
    const status = response.statusCode;
    requestSeconds.observe({ route, method, status: String(status) }, seconds);
    // One line per request, by route pattern (a path holds tokens); not for the build's files.
    if (route === '/_next') return;
    log[status >= 500 ? 'error' : 'info'](
      { ...context, method, status, ms: Math.round(seconds * 1000) },
      'request',
    );
  });
  vouchForClientAddress(request.headers, request.socket.remoteAddress, hops);
  // Every line logged while this request is served carries its id, route and actor.
  requestContext().run(context, () => void handle(request, response));
});
// On every interface, as `next start` listens.
server.listen(port, () => {
  log.info({ port }, `Gatehouse is listening on port ${port}.`);
});

// Stop taking connections, then exit (the 'exit' handlers release the data folder's lock).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(code));
  });
}
