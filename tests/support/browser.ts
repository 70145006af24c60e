import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveReplica } from '../../replicas/router';

/** Path of Debian's Chromium (or `CHROMIUM_PATH`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built Chrome extension. */
export const EXTENSION_DIR = resolve(process.env.PFDO_EXTENSION_DIR ?? '.output/chrome-mv3');

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
 * Seeds the extension's profile database (IndexedDB `pfdo-companion` of the extension's
 * origin) from an extension page, with the same records `importAll` stores, plus the chosen
 * child in `storage.local`. The family is checked against the zod schemas by a unit test.
 * @param data applicant, children, an optional scan per child (base64 PNG) and the active child id
 */
export async function seedProfile(
  b: ExtensionBrowser,
  data: { applicant: unknown; children: unknown[]; scans?: Array<{ childId: string; name: string; type: string; base64: string }>; activeChildId?: string },
): Promise<void> {
  const page = await b.context.newPage();
  // Any document of the extension's origin reaches its IndexedDB and `storage`.
  await page.goto(`chrome-extension://${b.extensionId}/manifest.json`);
  await page.evaluate(async (d) => {
    // Dexie's version(1) is IndexedDB version 10; create the stores as utils/profile/db.ts declares them if new.
    const open = indexedDB.open('pfdo-companion', 10);
    open.onupgradeneeded = () => {
      for (const [name, keyPath] of [['children', 'id'], ['applicant', 'id'], ['scans', 'childId']]) {
        if (!open.result.objectStoreNames.contains(name)) open.result.createObjectStore(name, { keyPath });
      }
    };
    const db: IDBDatabase = await new Promise((res, rej) => {
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    const tx = db.transaction(['children', 'applicant', 'scans'], 'readwrite');
    for (const name of ['children', 'applicant', 'scans']) tx.objectStore(name).clear();
    tx.objectStore('applicant').put(d.applicant);
    for (const c of d.children) tx.objectStore('children').put(c);
    for (const s of d.scans ?? []) {
      const bytes = Uint8Array.from(atob(s.base64), (ch) => ch.charCodeAt(0));
      const blob = new Blob([bytes], { type: s.type });
      tx.objectStore('scans').put({ childId: s.childId, name: s.name, type: s.type, blob, size: blob.size });
    }
    await new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
    await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ activeChildId: d.activeChildId ?? null });
  }, data);
  await page.close();
}
