import { defineConfig } from '@playwright/test';

/** End-to-end tests: the built Chrome extension in Debian's Chromium against the replicas. */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
});
