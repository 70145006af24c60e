import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { test, expect } from '@playwright/test';
import { clickInGuide, guideElement, guideText } from '../support/guide';
import { EXTENSION_DIR, launchWithExtension, replicaReady, waitForStep, type ExtensionBrowser } from '../support/browser';

/**
 * The extension reloaded or updated while a portal tab is open (MV3 unpacked: an update is a
 * reload that picks up the new files). The old content script is orphaned: the page must keep
 * working, the old panel's buttons must not throw (they work, or «Заполнить» says the extension
 * was updated), and after a page reload the guide is back with the right step and one host.
 * Each test launches its own Chromium with its own copy of the built extension.
 */

const PAGE = 'https://cabinet.ruobr.ru/services/dop/certificate/?reset=1&state=logged-in&open=document&delay=0';
const UPDATED = 'Расширение было обновлено';

async function launchCopy(): Promise<{ b: ExtensionBrowser; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pfdo-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  return { b: await launchWithExtension({ extensionDir: dir }), dir };
}

/** Errors of a page: uncaught exceptions (page and content-script worlds) and extension console errors. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack ?? e}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && m.location().url.startsWith('chrome-extension://')) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * Turns on chrome://extensions «Режим разработчика», as the README tells users to: an unpacked
 * extension reloaded without it stays disabled in current Chromium (no new worker, pages blocked).
 */
async function developerMode(b: ExtensionBrowser): Promise<void> {
  const p = await b.context.newPage();
  await p.goto('chrome://extensions');
  await p.evaluate(() => (globalThis as any).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }));
  await p.close();
}

/** `chrome.runtime.reload()` from the service worker; resolves with the new worker. */
async function reloadExtension(b: ExtensionBrowser): Promise<Worker> {
  const old = b.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${b.extensionId}/`))!;
  const next = b.context.waitForEvent('serviceworker', { predicate: (w) => w !== old, timeout: 15_000 });
  // Deferred so that the evaluation returns before the worker goes away.
  await old.evaluate(() => void setTimeout(() => (globalThis as any).chrome.runtime.reload(), 50));
  const w = await next;
  expect(new URL(w.url()).host).toBe(b.extensionId);
  return w;
}

/** A panel element by test id, with the few actions these tests use (the panel's root is closed: `tests/support/guide.ts`). */
const shadow = (page: Page, testId: string) => ({
  click: () => clickInGuide(page, testId),
  text: () => guideText(page, testId),
  visible: async () => (await guideElement(page, testId))?.visible ?? false,
});

/** Presses every button of the orphaned panel; «Заполнить» must explain, nothing may throw. */
async function pressOrphanedPanel(page: Page): Promise<void> {
  await shadow(page, 'guide-fill').click();
  await expect.poll(() => shadow(page, 'guide-panel').text()).toContain(UPDATED);
  await shadow(page, 'guide-next').click();
  await shadow(page, 'guide-current').click();
  await shadow(page, 'guide-support-copy').click();
  await shadow(page, 'guide-consultant').click();
  await shadow(page, 'guide-hide').click();
  await expect(page.locator('pfdo-guide')).toHaveAttribute('data-hidden', 'true');
  await shadow(page, 'guide-show').click();
  await expect(page.locator('pfdo-guide')).toHaveAttribute('data-hidden', 'false');
}

/** The portal's own controls still work: «Отмена» closes the document dialog, «Добавить документ» reopens it. */
async function portalStillWorks(page: Page): Promise<void> {
  const dialog = page.locator('.ui.modal.visible.active');
  await expect(dialog).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(page.locator('.ui.modal.visible')).toHaveCount(0);
  // The orphaned engine only reads the DOM, so it still follows the page.
  await waitForStep(page, 'cabinet.add-document');
}

async function scenario(bump: boolean) {
  const { b, dir } = await launchCopy();
  try {
    await developerMode(b);
    const page = await b.context.newPage();
    const errors = collectErrors(page);
    await page.goto(PAGE);
    await replicaReady(page);
    await waitForStep(page, 'cabinet.document-form');
    await expect.poll(() => shadow(page, 'guide-fill').visible()).toBe(true);

    let version = '';
    if (bump) {
      // An update: new files on disk (a higher version), then the browser reloads the extension.
      const file = join(dir, 'manifest.json');
      const m = JSON.parse(readFileSync(file, 'utf8'));
      version = m.version = m.version.replace(/(\d+)$/, (d: string) => String(Number(d) + 1));
      writeFileSync(file, JSON.stringify(m));
    }
    const worker = await reloadExtension(b);
    if (bump) expect(await worker.evaluate(() => (globalThis as any).chrome.runtime.getManifest().version)).toBe(version);

    await pressOrphanedPanel(page);
    await portalStillWorks(page);
    expect(errors, 'errors while orphaned').toEqual([]);

    // A page reload brings the new content script: right step, one host.
    await page.reload();
    await replicaReady(page);
    await waitForStep(page, 'cabinet.document-form');
    await expect(page.locator('pfdo-guide')).toHaveCount(1);
    await expect.poll(() => shadow(page, 'guide-fill').visible()).toBe(true);
    // And it talks to the new background: «Заполнить» no longer says the extension was updated.
    await shadow(page, 'guide-fill').click();
    // The new background answered (this browser has no profile: it says so).
    await expect.poll(() => shadow(page, 'guide-panel').text()).toMatch(/В профиле нет ребёнка|заполнено/);
    expect(await shadow(page, 'guide-panel').text()).not.toContain(UPDATED);
    expect(errors, 'errors after the page reload').toEqual([]);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('extension reloaded while a portal tab is open', async () => {
  await scenario(false);
});

test('extension updated (new version on disk, reloaded) while a portal tab is open', async () => {
  await scenario(true);
});
