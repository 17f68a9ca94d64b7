// Serves the production build (`npm start` runs it after building) through Next's custom-server
// API, so that each request reaches the app with a client address the client cannot forge:
// see lib/auth/forwarded-for.mjs. Serves the app in the current folder, on PORT (default 3000).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import promClient from 'prom-client';
import { proxyHops, vouchForClientAddress } from '../lib/auth/forwarded-for.mjs';
import { methodLabel, routeMatcher } from '../lib/metrics/route-label.mjs';

// As `next start` does; before Next and React load, which pick their builds by it.
process.env.NODE_ENV = 'production';
const { default: next } = await import('next');

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

const server = http.createServer((request, response) => {
  const started = process.hrtime.bigint();
  response.once('finish', () => {
    requestSeconds.observe(
      {
        route: routeOf(request.url),
        method: methodLabel(request.method),
        status: String(response.statusCode),
      },
      Number(process.hrtime.bigint() - started) / 1e9,
    );
  });
  vouchForClientAddress(request.headers, request.socket.remoteAddress, hops);
  void handle(request, response);
});
// On every interface, as `next start` listens.
server.listen(port, () => {
  console.log(`Gatehouse is listening on port ${port}.`);
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
