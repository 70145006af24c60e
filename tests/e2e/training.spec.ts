import type { Frame, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '../support/fixtures';
import { clickInTrainingGuide, inTrainingGuide, trainingGuideText } from '../support/guide';
import { EXTENSION_DIR, seedProfile, waitForStep, type ExtensionBrowser } from '../support/browser';
import { FAMILY } from '../support/family';
import { FLOWS } from '../../utils/flows/search';
import { textForVariant } from '../../utils/guide/recognise';

/**
 * The training portal (`training.html`): the replicas inside the extension with the guide,
 * the permanent banner, auto-advance, the fictional family, steps by code, the lesson's
 * browser history, the printable guide, and auto-advance never reaching a real portal.
 */
test.describe.configure({ mode: 'serial' });

const BANNER = 'Учебный портал — это не настоящий сайт';
const DONE = 'Автопоказ: все шаги показаны.';

const trainingUrl = (ext: ExtensionBrowser, hash = '') => `chrome-extension://${ext.extensionId}/training.html${hash}`;
const frameOf = (page: Page) => page.frameLocator('[data-testid=training-frame]');
/** The guide's host inside the training frame. */
const frameGuide = (page: Page) => frameOf(page).locator('pfdo-guide');

/** Stores presentation settings from an extension page (as the popup and the training page do). */
async function storePresentation(ext: ExtensionBrowser, patch: Record<string, unknown>): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await page.evaluate(async (p) => {
    const storage = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome.storage.local;
    const got = (await storage.get('presentation')).presentation as object | undefined;
    await storage.set({ presentation: { ...(got ?? {}), ...p } });
  }, patch);
  await page.close();
}

/** Opens the training page (a new tab) and waits for the frame's guide. */
async function openTraining(ext: ExtensionBrowser, hash = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(trainingUrl(ext, hash));
  await frameGuide(page).waitFor({ state: 'attached', timeout: 15_000 });
  return page;
}

/** Waits until the guide in the frame recognises a step. */
async function waitFrameStep(page: Page, stepId: string, timeout = 15_000): Promise<void> {
  await frameOf(page).locator(`pfdo-guide[data-step="${stepId}"]`).waitFor({ state: 'attached', timeout });
}

/** The frame as a Playwright `Frame` (for evaluate). */
async function frame(page: Page): Promise<Frame> {
  const f = await page.getByTestId('training-frame').elementHandle();
  const cf = await f!.contentFrame();
  if (!cf) throw new Error('training frame has no content');
  return cf;
}

/** Clicks what the guide outlines in the frame, as a person would (page coordinates). */
async function clickOutlined(page: Page): Promise<void> {
  await frameOf(page).locator('pfdo-guide[data-target="found"]').waitFor({ state: 'attached' });
  const f = await frame(page);
  // The ring's centre once it has stopped moving (its short transition), read from the frame's
  // guide (the training page hands its panel's root to its own frame: tests/support/guide.ts).
  const centre = () =>
    inTrainingGuide<{ x: number; y: number } | null>(
      f,
      `const ring = root.querySelector('.pfdo-ring'); if (!ring || ring.hidden) return null;
       const r = ring.getBoundingClientRect(); return r.width > 0 ? { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) } : null;`,
    );
  let c: { x: number; y: number } | null = null;
  for (let last = ''; ; ) {
    c = await centre();
    const now = JSON.stringify(c);
    if (c && now === last) break;
    last = now;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const box = (await page.getByTestId('training-frame').boundingBox())!;
  await page.mouse.click(box.x + c.x, box.y + c.y);
}

/** Presses «Заполнить» in the frame's panel (a real click) and waits for the list of filled fields. */
async function pressTrainingFill(page: Page): Promise<void> {
  const f = await frame(page);
  await clickInTrainingGuide(page, f, '[data-testid=training-frame]', 'guide-fill');
  await expect.poll(() => trainingGuideText(f, 'guide-fill-result')).not.toBe('');
}

/** Records every value the step line and the auto-advance status take (in the training page). */
async function recordHeader(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __steps: string[]; __statuses: string[] };
    w.__steps = [];
    w.__statuses = [];
    const look = () => {
      const step = document.querySelector('[data-testid=training-step]')?.textContent?.replace(/^Шаг\s*/, '').trim() ?? '';
      if (step && w.__steps.at(-1) !== step) w.__steps.push(step);
      const st = document.querySelector('[data-testid=training-autoplay]')?.textContent?.trim() ?? '';
      if (st && w.__statuses.at(-1) !== st) w.__statuses.push(st);
    };
    look();
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function recorded(page: Page): Promise<{ steps: string[]; statuses: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __steps: string[]; __statuses: string[] };
    return { steps: w.__steps, statuses: w.__statuses };
  });
}

/** `want` appears in `seen` in this order (other entries may come between). */
function isSubsequence(want: string[], seen: string[]): boolean {
  let i = 0;
  for (const s of seen) if (s === want[i]) i++;
  return i === want.length;
}

/** The parent variant's text (or the only one). */

test.beforeEach(async ({ ext }) => {
  await storePresentation(ext, { autoAdvance: false, pauseSeconds: 5, large: false, slow: false, mask: false });
});

test('the banner is there on start, after navigations and stays outside the frame', async ({ ext }) => {
  const page = await openTraining(ext);
  const banner = page.getByTestId('training-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(BANNER);
  // Outside the frame: not part of any replica page.
  await expect(frameOf(page).getByText(BANNER)).toHaveCount(0);
  await waitFrameStep(page, 'sgo.login');
  await expect(page.getByTestId('training-address')).toHaveText(/^https:\/\/sgo\.tvobr\.ru\/authorize\/login/);

  // A link clicked in the replica, a portal switch, a step by code, «Начать заново».
  await clickOutlined(page);
  await waitFrameStep(page, 'sgo.open-settings');
  await expect(banner).toBeVisible();
  await page.getByTestId('training-portal-cabinet').click();
  await waitFrameStep(page, 'cabinet.login');
  await expect(banner).toBeVisible();
  await page.getByTestId('training-code').fill('К-9');
  await page.getByRole('button', { name: 'Показать' }).click();
  await waitFrameStep(page, 'cabinet.get-certificate');
  await expect(banner).toBeVisible();
  await page.getByTestId('training-restart').click();
  await waitFrameStep(page, 'cabinet.login');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(BANNER);
  // The banner stays on top of the page, the frame below it.
  const b = (await banner.boundingBox())!;
  const f = (await page.getByTestId('training-frame').boundingBox())!;
  expect(b.y + b.height).toBeLessThanOrEqual(f.y);
  await page.close();
});

for (const portal of ['sgo', 'cabinet'] as const) {
  test(`auto-advance walks the whole ${portal} flow`, async ({ ext }) => {
    test.setTimeout(120_000);
    const flow = FLOWS.find((f) => f.id === portal)!;
    const codeOf = (id: string) => flow.steps.find((s) => s.id === id)!.code;
    const activation = flow.path.at(-1)!;
    const page = await openTraining(ext, `#portal=${portal}`);
    await waitFrameStep(page, `${portal}.login`);
    await expect(page.getByTestId('training-step')).toHaveText(`Шаг ${codeOf(`${portal}.login`)}`);
    await recordHeader(page);
    await page.getByTestId('training-pause').selectOption('2');
    await page.getByTestId('training-auto').check();
    await expect(page.getByTestId('training-autoplay')).toHaveText(/^Через [12] с: /);
    const t0 = Date.now();
    await expect(page.getByTestId('training-autoplay')).toHaveText(DONE, { timeout: 80_000 });
    const took = Date.now() - t0;
    // The panel shows the activation step (no page of its own) at the end.
    await expect(frameGuide(page)).toHaveAttribute('data-shown-step', activation);
    await expect(page.getByTestId('training-banner')).toBeVisible();
    const { steps, statuses } = await recorded(page);
    // Every step of the main path with a page, in order (Tver with two children skips Т-4:
    // choosing the child brings the «Получить сертификат» button of Т-3's page).
    const want = flow.path.filter((id) => id !== activation && !(portal === 'sgo' && id === 'sgo.get-certificate')).map(codeOf);
    expect(isSubsequence(want, steps), `recognised ${steps.join(' → ')}; want ${want.join(' → ')}`).toBe(true);
    expect(statuses.filter((s) => /не получается/.test(s))).toEqual([]);
    expect(statuses.at(-1)).toBe(DONE);
    expect(took).toBeLessThan(80_000);
    await page.getByTestId('training-auto').uncheck();
    await page.close();
  });
}

test('«Заполнить» on the training portal uses the fictional family, never the stored profile', async ({ ext }) => {
  const real = FAMILY.children[0];
  const seeded = {
    ...real,
    id: 'child-real',
    name: { lastName: 'Кузнецов', firstName: 'Иван', middleName: 'Петрович' },
    birthDate: '2014-06-01',
    document: { ...real.document, series: 'IV-ЛО', number: '246810', issuedAt: '2014-06-10', issuedBy: 'Отдел ЗАГС г. Прокопьевска' },
  };
  await seedProfile(ext, { applicant: { ...FAMILY.applicant, email: 'real.parent@example.com' }, children: [seeded], activeChildId: 'child-real' });

  const page = await openTraining(ext, '#code=К-5');
  await waitFrameStep(page, 'cabinet.document-form');
  await frameOf(page).locator('pfdo-guide[data-target="found"]').waitFor({ state: 'attached' });
  await pressTrainingFill(page);
  const fr = frameOf(page);
  await expect(fr.locator('#id_series')).toHaveValue(real.document.series);
  await expect(fr.locator('#id_number')).toHaveValue(real.document.number);
  await expect(fr.locator('#id_issue_date')).toHaveValue('20.03.2015');
  await expect(fr.locator('#id_issued_by')).toHaveValue(real.document.issuedBy);
  const values = await (await frame(page)).evaluate(() => Array.from(document.querySelectorAll('input, select, textarea')).map((e) => (e as HTMLInputElement).value));
  const text = `${values.join('\n')}\n${await fr.locator('body').innerText()}`;
  for (const v of [seeded.document.series, seeded.document.number, seeded.document.issuedBy, 'Кузнецов', '01.06.2014', 'real.parent@example.com']) {
    expect(text, v).not.toContain(v);
  }

  // The e-mail dialog (К-7) gets the family's address too.
  await page.getByTestId('training-code').fill('К-7');
  await page.getByRole('button', { name: 'Показать' }).click();
  await waitFrameStep(page, 'cabinet.email');
  await frameOf(page).locator('pfdo-guide[data-target="found"]').waitFor({ state: 'attached' });
  await pressTrainingFill(page);
  const emails = await (await frame(page)).evaluate(() => Array.from(document.querySelectorAll('input')).map((e) => e.value).filter((v) => v.includes('@')));
  expect(emails).toContain(FAMILY.applicant.email);
  expect(emails).not.toContain('real.parent@example.com');
  await page.close();
});

test('a step by its code: К-7, к7, Т-6 via «Далее», an unknown code, #code= on load', async ({ ext }) => {
  const page = await openTraining(ext, '#portal=sgo');
  await waitFrameStep(page, 'sgo.login');
  const show = async (code: string) => {
    await page.getByTestId('training-code').fill(code);
    await page.getByRole('button', { name: 'Показать' }).click();
  };

  await show('К-7');
  await waitFrameStep(page, 'cabinet.email');
  await expect(page.getByTestId('training-step')).toHaveText('Шаг К-7');
  await expect(page.getByTestId('training-address')).toHaveText(/^https:\/\/cabinet\.ruobr\.ru\/services\/dop\/certificate\//);
  await expect(page.getByTestId('training-notice')).toHaveCount(0);

  // Т-6 has no page of its own: Т-5's page, then the panel's «Далее».
  await show('Т-6');
  await waitFrameStep(page, 'sgo.done');
  await expect(frameGuide(page)).toHaveAttribute('data-shown-step', 'sgo.activation');
  await expect.poll(async () => trainingGuideText(await frame(page), 'guide-code')).toMatch(/Т-6/);

  await show('к7');
  await waitFrameStep(page, 'cabinet.email');
  await expect(frameGuide(page)).toHaveAttribute('data-shown-step', 'cabinet.email');
  await expect(page.getByTestId('training-step')).toHaveText('Шаг К-7');

  await show('Х-99');
  await expect(page.getByTestId('training-notice')).toHaveText(/Нет шага с кодом «Х-99»/);
  // The frame stays where it was.
  await expect(frameGuide(page)).toHaveAttribute('data-step', 'cabinet.email');
  await page.close();

  const onLoad = await openTraining(ext, `#code=${encodeURIComponent('К-5')}`);
  await waitFrameStep(onLoad, 'cabinet.document-form');
  await expect(onLoad.getByTestId('training-step')).toHaveText('Шаг К-5');
  await expect(onLoad.getByTestId('training-notice')).toHaveCount(0);
  await onLoad.close();

  const unknown = await ext.context.newPage();
  await unknown.goto(trainingUrl(ext, '#code=Z-1'));
  await expect(unknown.getByTestId('training-notice')).toHaveText(/Нет шага с кодом/);
  await unknown.close();
});

test('browser history: back shows the previous page and step; reload keeps the page', async ({ ext }) => {
  const start = '/?reset=1&state=logged-in';
  const page = await openTraining(ext, `#portal=cabinet&vp=${encodeURIComponent(start)}`);
  await waitFrameStep(page, 'cabinet.services');
  const address = page.getByTestId('training-address');
  await expect(address).toHaveText(`https://cabinet.ruobr.ru${start}`);

  // 1: a link in the replica (handed to the training page by boot.js).
  await clickOutlined(page);
  await waitFrameStep(page, 'cabinet.apply');
  await expect(address).toHaveText(/^https:\/\/cabinet\.ruobr\.ru\/services\/dop\/$/);
  const dopAddress = (await address.textContent())!;
  expect(page.url()).toContain('vp=%2Fservices%2Fdop%2F');
  // 2: a step by code.
  await page.getByTestId('training-code').fill('К-7');
  await page.getByRole('button', { name: 'Показать' }).click();
  await waitFrameStep(page, 'cabinet.email');

  await page.goBack();
  await waitFrameStep(page, 'cabinet.apply');
  await expect(address).toHaveText(dopAddress);
  await expect(page.getByTestId('training-step')).toHaveText('Шаг К-3');
  expect(await (await frame(page)).evaluate(() => location.pathname)).toBe('/services/dop/');

  await page.goBack();
  await waitFrameStep(page, 'cabinet.services');
  await expect(address).toHaveText(`https://cabinet.ruobr.ru${start}`);

  await page.goForward();
  await waitFrameStep(page, 'cabinet.apply');
  await expect(address).toHaveText(dopAddress);

  await page.reload();
  await frameGuide(page).waitFor({ state: 'attached' });
  await waitFrameStep(page, 'cabinet.apply');
  await expect(address).toHaveText(dopAddress);
  await expect(page.getByTestId('training-step')).toHaveText('Шаг К-3');
  await expect(page.getByTestId('training-banner')).toBeVisible();
  await page.close();
});

test('a page the replica does not have: a notice, the frame stays', async ({ ext }) => {
  const page = await openTraining(ext, '#code=К-3');
  await waitFrameStep(page, 'cabinet.apply');
  const before = await page.getByTestId('training-address').textContent();
  await page.evaluate(() => (window as unknown as { pfdoTraining: { navigate(p: string, u: string, o: object): void } }).pfdoTraining.navigate('cabinet', '/nope/', {}));
  await expect(page.getByTestId('training-notice')).toHaveText(/Этой страницы нет на учебном портале \(\/nope\/\)/);
  await expect(page.getByTestId('training-address')).toHaveText(before!);
  await expect(frameGuide(page)).toHaveAttribute('data-step', 'cabinet.apply');

  // A link to such a page inside the replica goes the same way (not a broken frame).
  await (await frame(page)).evaluate(() => {
    const a = document.createElement('a');
    a.href = '/no-such-section/?x=1';
    a.textContent = 'нет такой страницы';
    a.id = 'pfdo-test-missing';
    document.body.prepend(a);
  });
  await frameOf(page).locator('#pfdo-test-missing').click();
  await expect(page.getByTestId('training-notice')).toHaveText(/Этой страницы нет на учебном портале \(\/no-such-section\/\)/);
  await expect(frameGuide(page)).toHaveAttribute('data-step', 'cabinet.apply');
  expect(await (await frame(page)).evaluate(() => location.pathname)).toBe('/services/dop/');

  // A valid navigation clears the notice.
  await page.getByTestId('training-restart').click();
  await waitFrameStep(page, 'cabinet.login');
  await expect(page.getByTestId('training-notice')).toHaveCount(0);
  await page.close();
});

test('the printable guide (PDF): codes, instructions, one page per step plus the cover, pictures', async ({ ext }) => {
  test.setTimeout(60_000);
  const page = await openTraining(ext, '#portal=sgo');
  await waitFrameStep(page, 'sgo.login');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('training-pdf').click()]);
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  expect(download.suggestedFilename()).toBe(`pamyatka_sgo.tvobr.ru_${today}.pdf`);
  await expect(page.getByTestId('training-pdf-status')).toHaveText(`Памятка сохранена: pamyatka_sgo.tvobr.ru_${today}.pdf`);
  const dir = mkdtempSync(join(tmpdir(), 'pfdo-pdf-'));
  try {
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    const flow = FLOWS.find((f) => f.id === 'sgo')!;
    const steps = flow.path.map((id) => flow.steps.find((s) => s.id === id)!);
    for (const s of steps) {
      expect(flat, s.code).toContain(s.code);
      // The first words of the instruction the parent sees (lines may wrap anywhere after them).
      const words = textForVariant(s.instruction).replace(/\s+/g, ' ').split(' ').slice(0, 3).join(' ');
      expect(flat, `${s.code}: ${words}`).toContain(words);
    }
    for (const c of ['Т-1', 'Т-2', 'Т-3', 'Т-4', 'Т-5', 'Т-6']) expect(flat).toContain(c);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBe(steps.length + 1);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l));
    expect(images.length).toBeGreaterThanOrEqual(steps.length);
    // Pictures on the step pages, not only on the cover.
    const pagesWithImages = new Set(images.map((l) => Number(l.trim().split(/\s+/)[0])));
    expect(pagesWithImages.size).toBeGreaterThanOrEqual(steps.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await page.close();
});

test('auto-advance never runs on a real portal', async ({ ext }) => {
  test.setTimeout(60_000);
  // The built content scripts carry none of the auto-advance code (it is only in the training guide).
  const dir = join(EXTENSION_DIR, 'content-scripts');
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  const trainingGuide = readFileSync(join(EXTENSION_DIR, 'training-guide.js'), 'utf8');
  for (const needle of ['Автопоказ', '/replica/mail/', 'next-and-finish']) {
    expect(trainingGuide.includes(needle), `training-guide.js has «${needle}»`).toBe(true);
    for (const f of scripts) expect(readFileSync(join(dir, f), 'utf8').includes(needle), `${f} has «${needle}»`).toBe(false);
  }

  // Auto-advance switched on in the training page (stored for every page)…
  const trainingPage = await openTraining(ext, '#portal=cabinet');
  await waitFrameStep(trainingPage, 'cabinet.login');
  await trainingPage.getByTestId('training-pause').selectOption('2');
  await trainingPage.getByTestId('training-auto').check();
  await expect(trainingPage.getByTestId('training-autoplay')).toHaveText(/^Через/);
  await trainingPage.close();

  // …and the replica at the real host: the guide is there, nothing moves.
  const page = await ext.context.newPage();
  await page.goto('https://cabinet.ruobr.ru/?reset=1');
  await waitForStep(page, 'cabinet.login');
  await page.locator('pfdo-guide[data-target="found"]').waitFor({ state: 'attached' });
  const url = page.url();
  const end = Date.now() + 6_000;
  while (Date.now() < end) {
    await expect(page.locator('pfdo-guide')).toHaveAttribute('data-step', 'cabinet.login');
    expect(page.url()).toBe(url);
    await page.waitForTimeout(500);
  }
  await expect(page.getByText(/Автопоказ|Через \d+ с/)).toHaveCount(0);
  await page.close();
  await storePresentation(ext, { autoAdvance: false });
});
