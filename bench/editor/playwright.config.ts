import path from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// The editor bench runs against the same production build and seeded database as the e2e tests.
const root = path.resolve(import.meta.dirname, '../..');
const webServer = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: /.*\.bench\.ts$/,
  timeout: 180_000,
  reporter: 'list',
  webServer: { ...webServer!, cwd: root },
  // Playwright's trace recorder snapshots the DOM in the page on every action (each mouse move of
  // the drag), which is main-thread work of its own: off here, so the figures are the editor's.
  use: { ...base.use, trace: 'off', screenshot: 'off', video: 'off' },
});
