/**
 * Both flows end to end in firefox-esr, the same walks as in Chromium (`tests/support/walk.ts`):
 * the profile stored through the options page, recognition of every step, the outline clicked
 * with real input, «Заполнить» (the document form with the scan, the e-mail, the certificate
 * dialog, the «Дети» select), and the PDF made from the popup.
 *
 * Where WebDriver BiDi cannot do what the Chromium tests do, it is done another way:
 * - Extension pages (`moz-extension://`) cannot be opened by the driver's navigation: the tab is
 *   reached as a user reaches it — the panel's «Справка для консультанта» opens the consultant
 *   page — and then moves within the extension's own origin (`location.assign('/options.html')`).
 * - No file chooser event: the profile file is set on the options page's file input with BiDi
 *   `input.setFiles` (puppeteer's `uploadFile`).
 * - No download event: Firefox saves downloads into a folder set by prefs
 *   (`launchFirefox({ downloadDir })`), and the test reads the PDF from there (`pdftotext`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { clickInGuideFirefox, inGuideFirefox, type FirefoxSession } from './harness';
import { walkCabinetWith, walkSgoWith, type WalkDriver, type WalkShot } from '../support/walk';
import { FAMILY } from '../support/family';

/** The walk driver for a puppeteer-core page (WebDriver BiDi). */
export function puppeteerDriver(page: Page): WalkDriver {
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
    },
    evaluate: (expression) => page.evaluate(expression) as Promise<never>,
    inPanel: (body) => inGuideFirefox(page, body) as Promise<never>,
    async clickAt(x, y) {
      await page.mouse.click(x, y);
    },
    pause: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
}

/** Waits for a JS condition in a page (string expression), polling; throws with `what` on timeout. */
async function until(page: Page, what: string, expression: string, timeout = 15_000): Promise<unknown> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await page.evaluate(expression).catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Clicks an element of a page by CSS selector with real input at its centre. */
async function clickSelector(page: Page, selector: string): Promise<void> {
  const c = (await until(
    page,
    selector,
    `(() => { const e = document.querySelector(${JSON.stringify(selector)}); if (!e || e.disabled) return null; e.scrollIntoView({ block: 'center' });
      const r = e.getBoundingClientRect(); return r.width ? { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) } : null; })()`,
  )) as { x: number; y: number };
  await page.mouse.click(c.x, c.y);
}

/**
 * Opens an extension page in a new tab the way a user gets there: a portal page, the panel's
 * «Справка для консультанта», then within the extension's origin to `path`.
 * @returns the tab, showing `path` (e.g. `/options.html`)
 */
export async function openExtensionPage(session: FirefoxSession, path: string): Promise<Page> {
  const portal = await session.newPage();
  await portal.goto('https://cabinet.ruobr.ru/login/?reset=1&delay=0', { waitUntil: 'load', timeout: 20_000 });
  await until(portal, 'the guide on the portal', `document.querySelector('pfdo-guide')?.getAttribute('data-step') === 'cabinet.login'`, 20_000);
  const before = new Set(await session.browser.pages());
  await clickInGuideFirefox(portal, 'guide-consultant');
  let tab: Page | undefined;
  const deadline = Date.now() + 15_000;
  while (!tab && Date.now() < deadline) {
    tab = (await session.browser.pages()).find((p) => !before.has(p));
    if (!tab) await new Promise((r) => setTimeout(r, 200));
  }
  await portal.close().catch(() => undefined);
  if (!tab) throw new Error('«Справка для консультанта» opened no tab');
  await until(tab, 'the consultant page', `location.protocol === 'moz-extension:' && document.readyState === 'complete'`);
  await tab.evaluate(`location.assign(${JSON.stringify(path)})`);
  await until(tab, path, `location.pathname === ${JSON.stringify(path)} && document.readyState === 'complete'`);
  return tab;
}

/**
 * Stores the fictional family through the options page («Загрузить профиль из файла» →
 * «Заменить»), as a user restores a saved profile; then the chosen child, as the popup does.
 */
export async function seedProfileFirefox(session: FirefoxSession, activeChildId: string): Promise<void> {
  const tab = await openExtensionPage(session, '/options.html');
  const dir = mkdtempSync(join(tmpdir(), 'pfdo-ff-profile-'));
  try {
    const file = join(dir, 'profile.json');
    writeFileSync(file, JSON.stringify({ format: 'pfdo-companion-profile', version: 1, applicant: FAMILY.applicant, children: FAMILY.children, scans: FAMILY.scans }));
    const input = (await tab.waitForSelector('[data-testid=import-file]', { timeout: 15_000 })) as import('puppeteer-core').ElementHandle<HTMLInputElement> | null;
    await input!.uploadFile(file);
    await clickSelector(tab, '[data-testid=confirm-import]');
    await until(tab, 'the import to finish', `document.body.textContent.includes('Профиль загружен из файла')`);
    await tab.evaluate(`browser.storage.local.set({ activeChildId: ${JSON.stringify(activeChildId)} })`);
  } finally {
    await tab.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The window the walks run in: the same as the Chromium tests' (`tests/support/browser.ts`). */
const VIEWPORT = { width: 1280, height: 860 };

/** One walk's result in Firefox. */
export interface FirefoxWalk {
  seen: string[];
  shots: WalkShot[];
  /** Values read from the page after «Заполнить» (by step id). */
  filled: Record<string, unknown>;
}

/** Walks the Tver flow in a new tab; after «Заполнить» reads the chosen child. */
export async function walkSgoFirefox(session: FirefoxSession, base: string): Promise<FirefoxWalk> {
  const page = await session.newPage();
  await page.setViewport(VIEWPORT);
  const shots: WalkShot[] = [];
  const filled: Record<string, unknown> = {};
  try {
    const seen = await walkSgoWith(puppeteerDriver(page), base, async (shot) => {
      shots.push(shot);
      if (shot.stepId === 'sgo.choose-child' && shot.note) {
        filled[shot.stepId] = await page.evaluate(`(() => { const s = document.querySelector('select[name=child]'); return s ? s.options[s.selectedIndex].text : null; })()`);
      }
    });
    return { seen, shots, filled };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Walks the Kuzbass flow in a new tab; after each «Заполнить» reads what the form holds. */
export async function walkCabinetFirefox(session: FirefoxSession, base: string): Promise<FirefoxWalk> {
  const page = await session.newPage();
  await page.setViewport(VIEWPORT);
  const shots: WalkShot[] = [];
  const filled: Record<string, unknown> = {};
  try {
    const seen = await walkCabinetWith(puppeteerDriver(page), base, async (shot) => {
      shots.push(shot);
      if (!shot.note || shot.note.startsWith('Переход')) return;
      filled[shot.stepId] = await page.evaluate(`(() => {
        const out = {};
        const dialog = Array.from(document.querySelectorAll('.ui.modal.visible, [role=dialog]')).find((d) => d.getBoundingClientRect().width > 0) || document;
        for (const el of dialog.querySelectorAll('input:not([type=hidden]), select, textarea')) {
          if (el.type === 'file') out[el.name || el.id] = el.files.length ? el.files[0].name : '';
          else if (el.tagName === 'SELECT') out[el.name || el.id] = el.selectedIndex >= 0 ? el.options[el.selectedIndex].text : '';
          else out[el.name || el.id] = el.value;
        }
        return out;
      })()`);
    });
    return { seen, shots, filled };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * The popup as a page: presses «Заявление и согласия (PDF)» on the first child's card and waits
 * for the file in the download folder.
 * @returns the PDF's path and its text (`pdftotext -layout`)
 */
export async function makePdfFromPopupFirefox(session: FirefoxSession, downloadDir: string): Promise<{ file: string; bytes: number; text: string }> {
  const tab = await openExtensionPage(session, '/popup.html');
  try {
    const before = new Set(existsSync(downloadDir) ? readdirSync(downloadDir) : []);
    await clickSelector(tab, '[data-testid=make-pdf]');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const done = (existsSync(downloadDir) ? readdirSync(downloadDir) : []).find((f) => !before.has(f) && f.endsWith('.pdf'));
      if (done) {
        const file = join(downloadDir, done);
        // Firefox writes to a `.part` file and renames it when complete; wait for a stable size.
        const size = statSync(file).size;
        await new Promise((r) => setTimeout(r, 300));
        if (size > 0 && statSync(file).size === size) {
          return { file, bytes: size, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
        }
      }
      if (Date.now() > deadline) throw new Error(`no PDF in ${downloadDir}: ${readdirSync(downloadDir).join(', ') || 'empty'}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await tab.close().catch(() => undefined);
  }
}
