import { test as base } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from './browser';

/** Playwright fixtures: `ext`, one Chromium with the built extension per test file's worker. */
export const test = base.extend<object, { ext: ExtensionBrowser }>({
  ext: [
    async ({}, use) => {
      const b = await launchWithExtension();
      await use(b);
      await b.close();
    },
    { scope: 'worker' },
  ],
});
export { expect } from '@playwright/test';
