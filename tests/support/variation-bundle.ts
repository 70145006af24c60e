import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { resolveReplica } from '../../replicas/router';
import { CHROMIUM, TSX_NAME_SHIM } from './browser';
import { pageBundle } from './matrix-bundle';
import { test as base } from './fixtures';

/**
 * Bundles the variation suite's page code (`tests/variation/page.ts`: flows, recogniser, `locate`,
 * `fillFields`, the fictional family's fill values and the markup transforms) into one script.
 * @returns JavaScript source that defines `window.__pfdoVariation`
 */
export function variationBundle(): string {
  return pageBundle('tests/variation/page.ts');
}

/** A plain Chromium (no extension) whose context serves the replicas at the real host names. */
export interface ReplicaBrowser {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium without the extension, routing `sgo.tvobr.ru` and `cabinet.ruobr.ru` to the
 * replicas (`resolveReplica`, as `launchWithExtension` does) and resolving no other host.
 */
export async function launchReplicaBrowser(): Promise<ReplicaBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'ru-RU' });
  await context.addInitScript({ content: TSX_NAME_SHIM });
  await context.route(/^https:\/\/(sgo\.tvobr\.ru|cabinet\.ruobr\.ru)\//, async (route) => {
    const res = resolveReplica(route.request().url());
    if (!res) return route.abort();
    await route.fulfill({ status: res.status, contentType: res.contentType, body: res.body });
  });
  await context.route((u) => !/^https:\/\/(sgo\.tvobr\.ru|cabinet\.ruobr\.ru)\//.test(u.href) && !u.href.startsWith('data:'), (route) => route.abort());
  return {
    browser,
    context,
    async close() {
      await browser.close();
    },
  };
}

/**
 * The tests' `test` with a worker-scoped `replica` (a {@link launchReplicaBrowser} shared by the
 * worker's tests) beside the extension fixture `ext`.
 */
export const replicaTest = base.extend<object, { replica: ReplicaBrowser }>({
  replica: [
    async ({}, use) => {
      const b = await launchReplicaBrowser();
      await use(b);
      await b.close();
    },
    { scope: 'worker' },
  ],
});
