import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { seedProfile, waitForStep, type ExtensionBrowser } from '../support/browser';
import { pressPanel, waitForHighlight } from '../support/walk';
import { clickInGuide, guideCount, guideElement, guideText, inGuide, waitForGuideElement } from '../support/guide';
import { FAMILY, personalValues } from '../support/family';

/**
 * Presentation settings in the guide (`utils/guide/presentation.ts`): «Крупный текст и рамка»,
 * «Медленная анимация» and «Демонстрация» (blur covers over what «Заполнить» put into the
 * portal, no personal data in the panel), switched in the popup and in the panel, followed live.
 */
test.describe.configure({ mode: 'serial' });

const DOCUMENT_FORM = 'https://cabinet.ruobr.ru/services/dop/certificate/?reset=1&state=logged-in&open=document&delay=0';
/** The document dialog's fields «Заполнить» sets (the replica's ids). */
const FIELDS = ['#id_doc_type', '#id_series', '#id_number', '#id_issue_date', '#id_issued_by', '#id_file'];

type Show = { large: boolean; slow: boolean; mask: boolean };
type Box = { left: number; top: number; right: number; bottom: number };

test.beforeAll(async ({ ext }) => {
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans], activeChildId: 'child-artem' });
});

test.beforeEach(async ({ ext }) => {
  await storeShow(ext, { large: false, slow: false, mask: false });
});

/** Stores presentation settings from an extension page (as the popup does). */
async function storeShow(ext: ExtensionBrowser, show: Partial<Show>): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await page.evaluate(async (patch) => {
    const storage = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome.storage.local;
    const got = (await storage.get('presentation')).presentation as object | undefined;
    await storage.set({ presentation: { ...(got ?? {}), ...patch } });
  }, show);
  await page.close();
}

/** Opens the popup and sets one of its «Показ на экране» switches with the keyboard. */
async function popupSwitch(ext: ExtensionBrowser, testId: 'popup-large' | 'popup-slow' | 'popup-mask', on: boolean): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const box = page.getByTestId(testId);
  // The switches are enabled once the stored settings are read; `data-saved` says the write landed.
  await expect(box).toBeEnabled();
  if ((await box.isChecked()) !== on) {
    await box.focus();
    await page.keyboard.press('Space');
  }
  await expect(box).toBeChecked({ checked: on });
  await expect(box).toHaveAttribute('data-saved', 'true');
  await page.close();
}

/** The stored presentation settings, read in the service worker. */
async function storedShow(ext: ExtensionBrowser): Promise<Partial<Show>> {
  const [sw] = ext.context.serviceWorkers();
  return sw.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('presentation')).presentation ?? {});
}

test('a popup switch is stored even when the popup is closed right after the click (the browser closes it on any outside click)', async ({ ext }) => {
  for (let i = 0; i < 8; i++) {
    const on = i % 2 === 0;
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const box = page.getByTestId('popup-mask');
    await expect(box).toBeEnabled();
    await expect(box).toBeChecked({ checked: !on });
    // Click and close in one task, as when the browser closes the popup right after a click.
    await Promise.all([page.waitForEvent('close'), page.evaluate(() => {
      document.querySelector<HTMLInputElement>('[data-testid=popup-mask]')!.click();
      window.close();
    })]);
    await expect.poll(async () => (await storedShow(ext)).mask, `round ${i}`).toBe(on);
  }
  // A portal page opened now starts with the stored value, and follows later changes.
  await storeShow(ext, { mask: true });
  const page = await ext.context.newPage();
  await page.goto(DOCUMENT_FORM);
  await waitForStep(page, 'cabinet.document-form');
  await expect(page.locator('pfdo-guide')).toHaveAttribute('data-mask', 'true');
  await storeShow(ext, { mask: false });
  await expect(page.locator('pfdo-guide')).toHaveAttribute('data-mask', 'false');
  await page.close();
});

/** Opens the replica's document dialog and waits for the guide's step К-5. */
async function openDocumentForm(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(DOCUMENT_FORM);
  await waitForStep(page, 'cabinet.document-form');
  await waitForHighlight(page);
  return page;
}

/** Presses «Заполнить из профиля» and waits for the outcome list. */
async function fill(page: Page): Promise<void> {
  await pressPanel(page, 'guide-fill');
  await waitForGuideElement(page, 'guide-fill-result');
  await expect(page.locator('#id_series')).toHaveValue(FAMILY.children[0].document.series);
}

/** Rectangles of the filled fields and of the visible covers (viewport px). */
async function rects(page: Page): Promise<{ fields: Record<string, Box>; covers: Box[] }> {
  const fields = await page.evaluate((sels) => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const out: Record<string, { left: number; top: number; right: number; bottom: number }> = {};
    for (const s of sels) out[s] = box(document.querySelector(s)!.getBoundingClientRect());
    return out;
  }, FIELDS);
  const covers = await inGuide<Box[]>(
    page,
    `return Array.from(root.querySelectorAll('.pfdo-cover')).filter((c) => !c.hidden).map((c) => { const r = c.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; });`,
  );
  return { fields, covers: covers ?? [] };
}

const coversAll = (cover: Box, field: Box) =>
  cover.left <= field.left + 0.5 && cover.top <= field.top + 0.5 && cover.right >= field.right - 0.5 && cover.bottom >= field.bottom - 0.5;

/** Asserts that every filled field has a cover over its whole rectangle. */
async function expectCovered(page: Page): Promise<void> {
  await expect.poll(async () => (await rects(page)).covers.length).toBe(FIELDS.length);
  // Covers are redrawn on the next animation frame after a scroll or resize: wait until they sit on their fields.
  await expect
    .poll(async () => {
      const { fields, covers } = await rects(page);
      return Object.values(fields).every((f) => covers.some((c) => coversAll(c, f)));
    })
    .toBe(true);
  const { fields, covers } = await rects(page);
  for (const [sel, field] of Object.entries(fields)) {
    expect(field.right - field.left, `${sel} is rendered`).toBeGreaterThan(0);
    expect(covers.some((c) => coversAll(c, field)), `a cover over ${sel}`).toBe(true);
  }
}

const coverCount = (page: Page) => guideCount(page, '.pfdo-cover:not([hidden])');
const shadowText = (page: Page) => inGuide<string>(page, `return root.textContent ?? '';`);

test('«Демонстрация»: every filled field is covered, the panel shows no personal data; screenshot', async ({ ext }) => {
  await popupSwitch(ext, 'popup-mask', true);
  const page = await openDocumentForm(ext);
  const host = page.locator('pfdo-guide');
  await expect(host).toHaveAttribute('data-mask', 'true');
  await expect.poll(() => guideText(page, 'guide-mask-badge')).toBe('Демонстрация');
  expect((await guideElement(page, 'guide-mask'))?.checked).toBe(true);
  await fill(page);
  await expect(page.locator('#id_file')).toHaveJSProperty('files.length', 1);
  await expectCovered(page);

  // Covers carry «скрыто», let clicks through and blur what is under them.
  const look = await inGuide<{ text: string; pointer: string; backdrop: string; background: string }>(
    page,
    `const c = root.querySelector('.pfdo-cover:not([hidden])'); const cs = getComputedStyle(c);
     return { text: c.textContent, pointer: cs.pointerEvents, backdrop: cs.backdropFilter, background: cs.backgroundImage };`,
  );
  expect(look).toMatchObject({ text: 'скрыто', pointer: 'none' });
  expect(look.backdrop).toContain('blur');
  expect(look.background).toContain('gradient');
  // A click on a covered field reaches the field (its right end: the panel may sit over its left).
  const b = (await page.locator('#id_series').boundingBox())!;
  await page.mouse.click(b.x + b.width - 8, b.y + b.height / 2);
  await expect(page.locator('#id_series')).toBeFocused();

  // The panel (and everything else in our shadow root) holds none of the profile's values.
  const text = await shadowText(page);
  expect(text).toContain('Серия: заполнено');
  expect(text).toContain('Тип документа:'); // a list names the value it now shows — masked here
  for (const v of personalValues()) expect(text, v).not.toContain(v);

  // Covers follow their fields on resize and scroll.
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.evaluate(() => {
    document.body.style.minHeight = '3000px';
    window.scrollBy(0, 40);
  });
  await expectCovered(page);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectCovered(page);

  await page.screenshot({ path: '/tmp/mask.png' });
  await page.locator('.ui.modal.visible').screenshot({ path: '/tmp/mask-dialog.png' });
  await page.close();
});

test('switching «Демонстрация» in the panel and in the popup updates the page live; covers leave with the fields', async ({ ext }) => {
  const page = await openDocumentForm(ext);
  const host = page.locator('pfdo-guide');
  await expect(host).toHaveAttribute('data-mask', 'false');
  await fill(page);
  expect(await coverCount(page)).toBe(0);

  // On after the fill: the already filled fields get covered.
  const maskChecked = async () => (await guideElement(page, 'guide-mask'))?.checked;
  const toggleMask = () => clickInGuide(page, 'guide-mask');
  await toggleMask();
  await expect(host).toHaveAttribute('data-mask', 'true');
  await waitForGuideElement(page, 'guide-mask-badge');
  await expectCovered(page);

  // The panel's switch is stored: the popup shows it.
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect(popup.getByTestId('popup-mask')).toBeChecked();
  await popup.close();

  // Off in the popup: the open portal tab follows.
  await popupSwitch(ext, 'popup-mask', false);
  await expect(host).toHaveAttribute('data-mask', 'false');
  await expect.poll(() => coverCount(page)).toBe(0);
  await expect.poll(maskChecked).toBe(false);
  await expect.poll(() => guideCount(page, 'guide-mask-badge')).toBe(0);

  // On in the popup, off in the panel.
  await popupSwitch(ext, 'popup-mask', true);
  await expect(host).toHaveAttribute('data-mask', 'true');
  await expectCovered(page);
  await toggleMask();
  await expect(host).toHaveAttribute('data-mask', 'false');
  await expect.poll(() => coverCount(page)).toBe(0);
  await toggleMask();
  await expectCovered(page);

  // «Отменить заполнение» removes the covers.
  await pressPanel(page, 'guide-undo');
  await expect(page.locator('#id_series')).toHaveValue('');
  await expect.poll(() => coverCount(page)).toBe(0);

  // Fill again, then the dialog closes («Отмена»): the fields leave the page, and so do the covers.
  await fill(page);
  await expectCovered(page);
  await page.locator('#document-modal [data-action=cancel]').first().click();
  await expect.poll(() => coverCount(page)).toBe(0);
  await page.close();
});

test('«Крупный текст и рамка» and «Медленная анимация»: host attributes, thicker ring, larger panel that still fits', async ({ ext }) => {
  const page = await openDocumentForm(ext);
  const host = page.locator('pfdo-guide');
  await expect(host).toHaveAttribute('data-large', 'false');
  await expect(host).toHaveAttribute('data-slow', 'false');
  type Look = { border: number; ringDuration: number; font: number; panelAnimation: number; panel: { left: number; right: number; top: number; bottom: number; width: number }; viewport: { width: number; height: number } };
  const look = () =>
    inGuide<Look>(
      page,
      `const ring = getComputedStyle(root.querySelector('.pfdo-ring'));
       const panel = root.querySelector('[data-testid=guide-panel]');
       const r = panel.getBoundingClientRect();
       return { border: parseFloat(ring.borderTopWidth), ringDuration: parseFloat(ring.transitionDuration), font: parseFloat(getComputedStyle(panel).fontSize),
         panelAnimation: parseFloat(getComputedStyle(panel).animationDuration), panel: { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width },
         viewport: { width: document.documentElement.clientWidth, height: window.innerHeight } };`,
    );
  const before = await look();
  expect(before.border).toBe(4);

  await popupSwitch(ext, 'popup-large', true);
  await expect(host).toHaveAttribute('data-large', 'true');
  await expect.poll(async () => (await look()).border).toBeGreaterThanOrEqual(7);
  const large = await look();
  expect(large.font / before.font).toBeCloseTo(1.35, 1);
  expect(large.panel.width).toBeGreaterThan(before.panel.width * 1.3);
  await waitForHighlight(page);

  await popupSwitch(ext, 'popup-slow', true);
  await expect(host).toHaveAttribute('data-slow', 'true');
  const slow = await look();
  expect(slow.ringDuration / before.ringDuration).toBeCloseTo(3, 1);
  expect(slow.panelAnimation / before.panelAnimation).toBeCloseTo(3, 1);

  // The large panel fits 1280×800 and a 1024-wide screen.
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });
    // The panel is placed again on the window's resize event (wait for it, not for a fixed time).
    await expect.poll(async () => (await look()).viewport.width).toBe(width);
    await expect.poll(async () => { const l = await look(); return l.panel.right <= l.viewport.width && l.panel.bottom <= l.viewport.height; }, `${width}×${height}`).toBe(true);
    const l = await look();
    expect(l.panel.left, `${width}×${height}`).toBeGreaterThanOrEqual(0);
    expect(l.panel.right, `${width}×${height}`).toBeLessThanOrEqual(l.viewport.width);
    expect(l.panel.top, `${width}×${height}`).toBeGreaterThanOrEqual(0);
    expect(l.panel.bottom, `${width}×${height}`).toBeLessThanOrEqual(l.viewport.height);
  }
  await waitForHighlight(page); // the slow ring transition (0.45 s) has ended
  await page.screenshot({ path: '/tmp/large.png' });

  // Off again: back to the normal look.
  await storeShow(ext, { large: false, slow: false });
  await expect(host).toHaveAttribute('data-large', 'false');
  await expect(host).toHaveAttribute('data-slow', 'false');
  await expect.poll(async () => (await look()).border).toBe(4);
  await page.close();
});
