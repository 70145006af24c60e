import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveReplica } from '../../replicas/router';
import { browserPath } from '../../scripts/system';
import type { ReplicaPage } from '../../replicas/types';

/** Path of Chromium: `CHROMIUM_PATH`, Debian's `/usr/bin/chromium`, or `chromium`/`chromium-browser` on PATH (`scripts/system.ts`). */
export const CHROMIUM = browserPath('chromium');
/** The built Chrome extension. */
export const EXTENSION_DIR = resolve(process.env.PFDO_EXTENSION_DIR ?? '.output/chrome-mv3');

/**
 * Scripts run with tsx (demo, bench) wrap named inner functions of `page.evaluate` callbacks in
 * esbuild's `__name` helper, which pages lack; this identity shim is all it needs. Test-only.
 */
export const TSX_NAME_SHIM = 'globalThis.__name ??= (f) => f;';

/** A launched browser with the extension, replicas routed at the real host names. */
export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Every request any page or worker made, as `METHOD url`. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Launches Chromium with the built extension (headless unless `headed`), routes
 * `https://sgo.tvobr.ru/*` and `https://cabinet.ruobr.ru/*` to the replicas, and makes sure the
 * browser looks nothing up outside (host resolver rules, background networking off).
 * @throws when Chromium is missing or the extension did not start
 */
export async function launchWithExtension(opts: { headed?: boolean; extensionDir?: string } = {}): Promise<ExtensionBrowser> {
  const dir = opts.extensionDir ?? EXTENSION_DIR;
  const userDataDir = mkdtempSync(join(tmpdir(), 'pfdo-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: !opts.headed,
    viewport: { width: 1280, height: 860 },
    locale: 'ru-RU',
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  await context.addInitScript({ content: TSX_NAME_SHIM });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await context.route(/^https:\/\/(sgo\.tvobr\.ru|cabinet\.ruobr\.ru)\//, async (route) => {
    const res = resolveReplica(route.request().url());
    if (!res) return route.abort();
    await route.fulfill({ status: res.status, contentType: res.contentType, body: res.body });
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    requests,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The guide's host element on a page. */
export const guide = (page: Page) => page.locator('pfdo-guide');

/**
 * Waits until the guide shows a step id (via `data-step` on its host).
 * @param page a portal page
 * @param stepId expected step id, e.g. `cabinet.email`
 */
export async function waitForStep(page: Page, stepId: string, timeout = 15_000): Promise<void> {
  await page.locator(`pfdo-guide[data-step="${stepId}"]`).waitFor({ state: 'attached', timeout });
}

/** Waits for a replica page to finish its late rendering. */
export async function replicaReady(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('html[data-replica-ready]').waitFor({ state: 'attached', timeout });
}

/**
 * Stores a profile the way a user restores a saved one: options page → «Загрузить профиль из
 * файла» → «Заменить» (validated by the zod schemas, one transaction); then the chosen child
 * in `storage.local`, as the popup's «Открыть подсказку» does.
 * @param data applicant, children, optional scans (base64) and the active child id
 * @throws when the options page refuses the file (its Russian message is in the error)
 */
export async function seedProfile(
  b: ExtensionBrowser,
  data: { applicant: unknown; children: unknown[]; scans?: Array<{ childId: string; name: string; type: string; base64: string }>; activeChildId?: string },
): Promise<void> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  const file = { format: 'pfdo-companion-profile', version: 1, applicant: data.applicant, children: data.children, scans: data.scans ?? [] };
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-profile').click()]);
  await chooser.setFiles({ name: 'profile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByTestId('confirm-import').click();
  // Wait for the import's own answer: child rows of an earlier profile are already on the page,
  // and closing the page before the import finishes would abort it.
  const status = page.getByText(/Профиль загружен из файла|Не удалось загрузить файл|не файл профиля/).first();
  await status.waitFor({ timeout: 10_000 });
  const text = (await status.textContent()) ?? '';
  if (!text.startsWith('Профиль загружен')) throw new Error(`seedProfile: ${text}`);
  await page.getByTestId('child-row').first().waitFor({ timeout: 10_000 });
  await page.evaluate(async (id) => {
    await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ activeChildId: id });
  }, data.activeChildId ?? null);
  await page.close();
}

/**
 * Opens a replica page state as a user reaches it: by GET, or by a form POST from the portal's
 * start page (the Tver settings page), then waits for its late rendering.
 * @param page a tab of the browser with the extension
 * @param p the page state (`replicas/<portal>/pages.ts`)
 */
export async function openReplicaPage(page: Page, p: ReplicaPage): Promise<void> {
  if (p.method === 'POST') {
    const u = new URL(p.url);
    await page.goto(`${u.origin}/?${u.searchParams}`);
    await page.evaluate((action) => {
      const f = document.createElement('form');
      f.method = 'POST';
      f.action = action;
      document.body.append(f);
      f.submit();
    }, u.pathname);
    await page.waitForURL((x) => x.pathname === u.pathname);
  } else {
    await page.goto(p.url);
  }
  await replicaReady(page);
}
