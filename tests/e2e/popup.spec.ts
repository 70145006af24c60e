import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '../support/fixtures';
import { EXTENSION_DIR, seedProfile, waitForStep } from '../support/browser';
import { FAMILY } from '../support/family';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ ext }) => {
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans] });
});

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pfdo-pdf-'));
  const file = join(dir, 'p.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('popup: children with eligibility and the PDFs (filled and blank)', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const cards = page.getByTestId('child-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: 'Дарья' }).getByTestId('eligibility')).toContainText('с 14 лет может подать сам');
  await expect(cards.filter({ hasText: 'Артём' }).getByTestId('eligibility')).toContainText('можно получить');

  // Two children who can apply: one card open at a time (the first, Дарья); open Артём's.
  const artem = cards.filter({ hasText: 'Артём' });
  await expect(artem.getByTestId('make-pdf')).toBeHidden();
  await artem.locator(':scope > summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), artem.getByTestId('make-pdf').click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const text = pdfText(Buffer.from(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c))));
  expect(text).toContain('Смирнов Артём Андреевич');
  expect(text).toContain('III-ПО');
  expect(text).toMatch(/СОГЛАСИЕ НА ОБРАБОТКУ/);

  const [blank] = await Promise.all([page.waitForEvent('download'), page.getByTestId('blank-pdf').first().click()]);
  const blankText = pdfText(Buffer.concat(await (await blank.createReadStream()).toArray()));
  expect(blankText).toContain('ЗАЯВЛЕНИЕ');
  expect(blankText).not.toContain('Смирнов');
  await page.close();
});

test('pdf-lib is not in the popup\'s initial scripts, only in the lazy papers chunk, and never in a content script', () => {
  const dir = EXTENSION_DIR;
  const html = readFileSync(join(dir, 'popup.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]);
  expect(initial.length).toBeGreaterThan(0);
  const seen = new Set<string>();
  const visit = (rel: string) => {
    const path = join(dir, rel.replace(/^\//, ''));
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    expect(code, rel).not.toMatch(/PDFDocument|registerFontkit/);
    for (const m of code.matchAll(/^import\s*(?:[^'"]*from\s*)?["']([^"']+)["']/gm)) visit(join(rel, '..', m[1]));
  };
  initial.forEach(visit);
  for (const cs of readdirSync(join(dir, 'content-scripts'))) {
    expect(readFileSync(join(dir, 'content-scripts', cs), 'utf8'), cs).not.toMatch(/PDFDocument|registerFontkit|Dexie/);
  }
  const chunks = readdirSync(join(dir, 'chunks')).filter((f) => /PDFDocument/.test(readFileSync(join(dir, 'chunks', f), 'utf8')));
  expect(chunks.length).toBe(1);
});

test('popup: «Открыть подсказку на портале» opens the child’s portal with the guide', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const artem = page.getByTestId('child-card').filter({ hasText: 'Артём' });
  await artem.locator(':scope > summary').click();
  const [portal] = await Promise.all([ext.context.waitForEvent('page'), artem.getByTestId('open-guide').click()]);
  await waitForStep(portal, 'cabinet.login');
  // The popup closes itself after opening the tab; read the choice from the service worker.
  const [sw] = ext.context.serviceWorkers();
  const active = await sw.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('activeChildId')).activeChildId);
  expect(active).toBe('child-artem');
  // «Заполнить» in that tab (and only there) is for this child: the tab's own state says so.
  const chosen = await sw.evaluate(async () => {
    const c = (globalThis as any).chrome;
    const [tab] = await c.tabs.query({ url: 'https://cabinet.ruobr.ru/*' });
    return (await c.storage.session.get(`tab:${tab.id}`))[`tab:${tab.id}`]?.childId;
  });
  expect(chosen).toBe('child-artem');
  await portal.close();
});

// ---------- Several children: order, collapsing, one «missing data» line, 600 px of height

/** Chrome's popup is at most 600 px high; ours is 380 px wide (style.css). */
const POPUP = { width: 380, height: 600 };

/** `YYYY-MM-DD`, `years` years and `days` days before today (local calendar). */
function bornAgo(years: number, days = 20): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const [ARTEM, DARYA] = FAMILY.children;
/** Extra children of the fictional family for the size tests (values invented). */
const VERA = { ...ARTEM, id: 'child-vera', name: { lastName: 'Смирнова', firstName: 'Вера', middleName: 'Андреевна' }, birthDate: bornAgo(3), document: undefined, snils: undefined, inn: undefined };
const OLGA = { ...DARYA, id: 'child-olga', name: { lastName: 'Смирнова', firstName: 'Ольга', middleName: 'Игоревна' }, birthDate: bornAgo(19), document: undefined, snils: undefined, inn: undefined };
const PETYA = { ...ARTEM, id: 'child-petya', name: { lastName: 'Смирнов', firstName: 'Пётр', middleName: 'Андреевич' }, birthDate: bornAgo(7), document: undefined, snils: undefined, inn: undefined };
const MASHA = { ...DARYA, id: 'child-masha', name: { lastName: 'Смирнова', firstName: 'Мария', middleName: 'Игоревна' }, birthDate: bornAgo(12), document: undefined, snils: undefined, inn: undefined };

/**
 * Opens the popup page at the real popup's size, waits until it is loaded and its settings
 * read, checks that nothing overflows, saves a screenshot and returns the page.
 */
async function popupAtSize(ext: { context: import('@playwright/test').BrowserContext; extensionId: string }, shot: string) {
  const page = await ext.context.newPage();
  await page.setViewportSize(POPUP);
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await page.getByTestId('child-card').first().waitFor();
  await expect(page.getByTestId('popup-mask')).toBeEnabled();
  const size = await page.evaluate(() => ({
    bottom: Math.ceil(document.querySelector('.popup')!.getBoundingClientRect().bottom),
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
  }));
  await page.screenshot({ path: test.info().outputPath(shot), fullPage: true });
  expect(size.bottom, `${shot}: content height`).toBeLessThanOrEqual(POPUP.height);
  expect(size.scrollHeight, `${shot}: scroll height`).toBeLessThanOrEqual(POPUP.height);
  expect(size.scrollWidth, `${shot}: width`).toBeLessThanOrEqual(POPUP.width);
  return page;
}

test('four children, two who can apply: they come first with actions; the too young and the 18+ are collapsed; fits 600 px', async ({ ext }) => {
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [OLGA, ARTEM, VERA, DARYA] });
  const page = await popupAtSize(ext, 'popup-4-children.png');
  await expect(page.getByTestId('child-card')).toHaveCount(4);
  // The profile lists children oldest first; those who can apply come first.
  const order = await page.getByTestId('child-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-child-id')));
  expect(order).toEqual(['child-darya', 'child-artem', 'child-olga', 'child-vera']);
  const darya = page.locator('[data-child-id=child-darya]');
  const artem = page.locator('[data-child-id=child-artem]');
  await expect(darya.getByTestId('open-guide')).toBeVisible();
  await expect(darya.getByTestId('make-pdf')).toBeVisible();
  await expect(artem.locator(':scope > summary')).toHaveText('Смирнов Артём · 11 лет');
  await expect(artem.getByTestId('open-guide')).toBeHidden();
  const notNow = page.getByTestId('children-not-now');
  await expect(notNow.locator('summary')).toHaveText('Сейчас нельзя получить: Ольга, Вера');
  await expect(notNow.getByTestId('eligibility').first()).toBeHidden();
  // No «missing data» line: the two who can apply have their documents.
  await expect(page.getByTestId('missing-data')).toHaveCount(0);
  // The trainer tools are closed: only their summary takes space.
  await expect(page.getByTestId('popup-trainer')).not.toHaveAttribute('open', '');
  expect((await page.getByTestId('popup-trainer').boundingBox())!.height).toBeLessThan(40);

  // Opening Артём closes Дарья (one group).
  await artem.locator(':scope > summary').click();
  await expect(artem.getByTestId('open-guide')).toBeVisible();
  await expect(darya.getByTestId('open-guide')).toBeHidden();

  await notNow.locator(':scope > summary').click();
  await expect(notNow.getByTestId('eligibility').first()).toBeVisible();
  await expect(notNow.locator('button')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('popup-4-children-open-group.png'), fullPage: true });
  await page.close();
});

test('four children who can all apply, two without documents: the last chosen first and open, the missing data said once; fits 600 px', async ({ ext }) => {
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [ARTEM, PETYA, DARYA, MASHA], activeChildId: 'child-petya' });
  const page = await popupAtSize(ext, 'popup-4-can-apply.png');
  const order = await page.getByTestId('child-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-child-id')));
  expect(order).toEqual(['child-petya', 'child-darya', 'child-masha', 'child-artem']);
  await expect(page.locator('[data-child-id=child-petya]')).toHaveAttribute('open', '');
  await expect(page.getByTestId('open-guide').filter({ visible: true })).toHaveCount(1);
  await expect(page.getByTestId('missing-data')).toHaveCount(1);
  await expect(page.getByTestId('missing-data')).toHaveText('В профиле нет: документы детей (Пётр, Мария) — в PDF останутся пустые строки.');
  // The tallest card (the long 14+ label and a document warning) open instead: still fits.
  await page.locator('[data-child-id=child-darya] > summary').click();
  await expect(page.locator('[data-child-id=child-darya]').getByTestId('open-guide')).toBeVisible();
  await expect(page.locator('[data-child-id=child-petya]')).not.toHaveAttribute('open', '');
  expect(await page.evaluate(() => Math.ceil(document.querySelector('.popup')!.getBoundingClientRect().bottom))).toBeLessThanOrEqual(POPUP.height);
  await page.screenshot({ path: test.info().outputPath('popup-4-can-apply-darya.png'), fullPage: true });
  await page.close();
});

test('three children (the test family and a seven-year-old) fit 600 px', async ({ ext }) => {
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [ARTEM, DARYA, PETYA] });
  const page = await popupAtSize(ext, 'popup-3-children.png');
  await expect(page.getByTestId('child-card')).toHaveCount(3);
  await page.close();
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [...FAMILY.children] });
  const two = await popupAtSize(ext, 'popup-2-children.png');
  await expect(two.getByTestId('open-guide').filter({ visible: true })).toHaveCount(1);
  await two.close();
});

test('«Показ на экране» is under «Для занятий и показа», closed; a switch reached by the keyboard opens it and Space sets it', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize(POPUP);
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const trainer = page.getByTestId('popup-trainer');
  await expect(trainer.locator('summary')).toHaveText('Для занятий и показа');
  await expect(trainer).not.toHaveAttribute('open', '');
  // As tests/e2e/presentation.spec.ts does: focus the switch, press Space.
  const box = page.getByTestId('popup-slow');
  await expect(box).toBeEnabled();
  await expect(box).not.toBeChecked();
  await box.focus();
  await expect(trainer).toHaveAttribute('open', '');
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await expect(box).toHaveAttribute('data-saved', 'true');
  await page.screenshot({ path: test.info().outputPath('popup-trainer-open.png'), fullPage: true });
  // Tab from the summary reaches the training link and opens the disclosure the same way.
  await page.reload();
  await expect(box).toBeEnabled();
  await expect(trainer).not.toHaveAttribute('open', '');
  await trainer.locator('summary').focus();
  await expect(trainer).not.toHaveAttribute('open', '');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('open-training')).toBeFocused();
  await expect(trainer).toHaveAttribute('open', '');
  await page.evaluate(async () => (globalThis as any).chrome.storage.local.set({ presentation: { large: false, slow: false, mask: false } }));
  await page.close();
});
