import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// The editor bench runs against the same production build and seeded database as the e2e tests.
export default defineConfig({ ...base, testDir: '.', testMatch: /.*\.bench\.ts$/, timeout: 180_000, reporter: 'list' });
