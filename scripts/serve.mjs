// Serves the production build (`npm start` runs it after building) through Next's custom-server
// API, so that each request reaches the app with a client address the client cannot forge:
// see lib/auth/forwarded-for.mjs. Serves the app in the current folder, on PORT (default 3000).
import http from 'node:http';
import { proxyHops, vouchForClientAddress } from '../lib/auth/forwarded-for.mjs';

// As `next start` does; before Next and React load, which pick their builds by it.
process.env.NODE_ENV = 'production';
const { default: next } = await import('next');

const port = Number(process.env.PORT || 3000);
const hops = proxyHops(process.env.PROXY_HOPS);
const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
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
