import { defineConfig, devices } from '@playwright/test';
import { e2eDatabaseUrl, e2eOnPostgres } from './e2e/database-url';

// End-to-end tests run a production build on a fresh database: a SQLite file, or with
// E2E_DATABASE=postgres a PostgreSQL database on TEST_POSTGRES_URL's cluster (e2e/database-url.ts).
// E2E_PORT and NEXT_DIST_DIR let several runs live side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 3210);
const distDir = process.env.NEXT_DIST_DIR ?? '.next-e2e';
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: e2eOnPostgres() ? 'npx tsx scripts/e2e-fresh-database.ts && npx tsx scripts/start.ts' : `rm -f data/e2e-${port}.db* && npx tsx scripts/start.ts`,
    url: `http://localhost:${port}/api/health`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: e2eDatabaseUrl(port),
      SEED_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      SEED_API_KEY: 'prl_e2e_demo_key_0123456789',
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456',
      ALLOW_PRIVATE_NETWORK: 'true',
      SANDBOX_TEMPLATE_REVIEW_MS: '300',
      LOGIN_FREE_FAILURES: '5',
      LOGIN_FREE_FAILURES_PER_ADDRESS: '5',
      LOGIN_MAX_DELAY_EMAIL_SECONDS: '30',
      // Lets the throttling test fail from an address of its own (X-Forwarded-For), so the wrong
      // passwords it piles up do not slow every later test's sign-in from localhost.
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      // Every 8x8 region's base URL: the onboarding spec's fake 8x8 server listens there.
      PARLEY_8X8_BASE_URL: `http://localhost:${port + 1}`,
    },
  },
});
