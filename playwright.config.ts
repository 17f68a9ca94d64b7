import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's chromium package: no browser is ever downloaded.
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  // Its own folder: Playwright empties it at start, and npm test keeps other reports beside it.
  outputDir: 'test-results/e2e',
  globalSetup: './tests/support/playwright-global-setup.ts',
  fullyParallel: false,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: true,
  retries: 0,
  // Generous: some tests start extra app servers, and CI machines have two busy cores.
  timeout: 120_000,
  // A page that answers in half a second alone can take several while another worker's app
  // server and database use both cores, as a database reconnecting after an outage does.
  expect: { timeout: 15_000 },
  // npm test adds a JSON report (PLAYWRIGHT_JSON_OUTPUT_NAME) for its summary line.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: process.env.GATEHOUSE_E2E_BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
