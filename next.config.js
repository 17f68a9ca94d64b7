// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./app/i18n-request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time.
  // prom-client: one copy for every route, so they all count into the registry /api/metrics reads.
  serverExternalPackages: ['@electric-sql/pglite', 'prom-client'],
  poweredByHeader: false,
  // forbidden(): pages a signed-in user's role does not include answer 403 (app/forbidden.tsx).
  experimental: { authInterrupts: true },
};

module.exports = withNextIntl(nextConfig);
