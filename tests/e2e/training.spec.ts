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
 * the permanent banner, the one-row toolbar and the address line, auto-advance (off on every
 * page load, «Пауза»/«Стоп», its announcement next to the guide's panel), the fictional family,
 * steps by code, the lesson's browser history, the printable guide, and auto-advance never
 * reaching a real portal.
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
  try {
    await frameOf(page).locator(`pfdo-guide[data-step="${stepId}"]`).waitFor({ state: 'attached', timeout });
  } catch (e) {
    // Say what the frame showed instead (CI prints only the error's first line).
    const seen = await frameShows(page).catch((x: Error) => `unreadable: ${x.message.split('\n')[0]}`);
    throw new Error(`frame never showed ${stepId} in ${timeout} ms; it shows ${seen}`, { cause: e });
  }
}

/**
 * Types a step code into the toolbar and presses «Показать». The frame's page first finishes
 * its late rendering: a dialog it opens takes the focus (as the portal's Semantic UI does), and
 * a code typed meanwhile would land in the dialog's field while «Показать» sends the old code.
 */
async function showCode(page: Page, code: string): Promise<void> {
  await frameOf(page).locator('html[data-replica-ready]').waitFor({ state: 'attached', timeout: 15_000 });
  const input = page.getByTestId('training-code');
  await expect(async () => {
    await input.fill(code);
    await expect(input).toHaveValue(code, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Показать' }).click();
}

/** The frame's address and its guide's attributes, for a failure message. */
async function frameShows(page: Page): Promise<string> {
  const f = await frame(page);
  const inFrame = await f.evaluate(() => {
    const g = document.querySelector('pfdo-guide');
    const attrs = g ? [...g.attributes].map((a) => `${a.name}=${a.value}`).join(' ') : 'no pfdo-guide';
    return `${location.pathname}${location.search} [${document.readyState}] ${attrs}`;
  });
  const outside = await page.evaluate(() => {
    const code = (document.querySelector('[data-testid=training-code]') as HTMLInputElement | null)?.value;
    const notice = document.querySelector('[data-testid=training-notice]')?.textContent ?? '';
    return `training page ${location.hash} code=${code} notice=${notice} history=${history.length}`;
  });
  return `${inFrame}; ${outside}`;
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
  await showCode(page, 'К-9');
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

type Box = { x: number; y: number; width: number; height: number };

/** The guide's panel and ring in the training page's coordinates (the frame's offset added). */
async function guideBoxes(page: Page): Promise<{ panel: Box | null; ring: Box | null; frame: Box }> {
  const off = (await page.getByTestId('training-frame').boundingBox())!;
  const inFrame = (await inTrainingGuide<{ panel: Box | null; ring: Box | null }>(
    await frame(page),
    `const box = (el) => { if (!el || el.hidden) return null; const r = el.getBoundingClientRect();
       return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null; };
     return { panel: box(root.querySelector('.pfdo-panel')), ring: box(root.querySelector('.pfdo-ring')) };`,
  )) ?? { panel: null, ring: null };
  const shift = (b: Box | null) => b && { ...b, x: b.x + off.x, y: b.y + off.y };
  return { panel: shift(inFrame.panel), ring: shift(inFrame.ring), frame: off };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** Shortest distance between two boxes (0 when they touch or overlap). */
const gapBetween = (a: Box, b: Box) =>
  Math.hypot(Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width)), Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height)));

/**
 * The announcement sits right next to the guide's panel (at most 24 px away), inside the frame,
 * covering neither the panel nor the outlined control; polled while the panel settles.
 */
async function expectBesidePanel(page: Page, what: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const card = await page.getByTestId('training-autoplay-card').boundingBox();
        const { panel, ring, frame: f } = await guideBoxes(page);
        if (!card || !panel) return `${what}: card ${JSON.stringify(card)}, panel ${JSON.stringify(panel)}`;
        const problems: string[] = [];
        if (gapBetween(card, panel) > 24) problems.push(`${Math.round(gapBetween(card, panel))} px from the panel`);
        if (overlaps(card, panel)) problems.push('on the panel');
        if (ring && overlaps(card, ring)) problems.push('on the outlined control');
        if (card.x < f.x || card.y < f.y || card.x + card.width > f.x + f.width || card.y + card.height > f.y + f.height) problems.push('outside the frame');
        return problems.length ? `${what}: ${problems.join(', ')} (card ${JSON.stringify(card)}, panel ${JSON.stringify(panel)}, ring ${JSON.stringify(ring)})` : 'beside';
      },
      { timeout: 10_000 },
    )
    .toBe('beside');
}

test('at 1366×768 the toolbar is one row, and the address line shows the portal address without the replica\'s parameters', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  const vp = '/services/dop/certificate/?reset=1&state=document-saved&open=email&delay=0';
  await page.goto(trainingUrl(ext, `#portal=cabinet&vp=${encodeURIComponent(vp)}`));
  await waitFrameStep(page, 'cabinet.email');
  await expect(page.getByTestId('training-step')).toHaveText('Шаг К-7');
  const address = page.getByTestId('training-address');
  await expect(address).toHaveText('https://cabinet.ruobr.ru/services/dop/certificate/');
  await page.getByTestId('training-pause').selectOption('15');
  await page.getByTestId('training-auto').check();
  await expect(page.getByTestId('training-autoplay-card')).toBeVisible();
  const bar = await page.getByTestId('training-toolbar').evaluate((el) => {
    const b = el.getBoundingClientRect();
    const kids = Array.from(el.children).map((c) => {
      const r = c.getBoundingClientRect();
      return { name: c.getAttribute('data-testid') ?? c.className, left: r.left, right: r.right, mid: (r.top + r.bottom) / 2 };
    });
    return { left: b.left, right: b.right, height: b.height, scroll: el.scrollWidth, client: el.clientWidth, kids };
  });
  const mids = bar.kids.map((k) => k.mid);
  expect(Math.max(...mids) - Math.min(...mids), JSON.stringify(bar.kids)).toBeLessThanOrEqual(4);
  expect(bar.height).toBeLessThanOrEqual(52);
  expect(bar.scroll).toBeLessThanOrEqual(bar.client);
  for (const k of bar.kids) {
    expect(k.left, k.name).toBeGreaterThanOrEqual(bar.left - 0.5);
    expect(k.right, k.name).toBeLessThanOrEqual(bar.right + 0.5);
  }
  // Every lesson control is in that row, and the address is not squeezed away.
  const toolbar = (await page.getByTestId('training-toolbar').boundingBox())!;
  for (const id of ['training-portal-sgo', 'training-portal-cabinet', 'training-restart', 'training-address', 'training-step', 'training-code', 'training-large', 'training-slow', 'training-auto', 'training-pause', 'training-pdf']) {
    const b = (await page.getByTestId(id).boundingBox())!;
    expect(b, id).not.toBeNull();
    expect(b.y, id).toBeGreaterThanOrEqual(toolbar.y - 0.5);
    expect(b.y + b.height, id).toBeLessThanOrEqual(toolbar.y + toolbar.height + 0.5);
  }
  expect((await address.boundingBox())!.width).toBeGreaterThanOrEqual(200);

  // Moving on keeps the address clean: the letter's link, the mailbox by name.
  await page.getByTestId('training-auto').uncheck();
  await page.evaluate(() => (window as unknown as { pfdoTraining: { navigate(p: string, u: string, o: object): void } }).pfdoTraining.navigate('cabinet', '/login/?reset=1&delay=0&next=/services/dop/', {}));
  await waitFrameStep(page, 'cabinet.login');
  await expect(address).toHaveText('https://cabinet.ruobr.ru/login/?next=/services/dop/');
  await page.close();
});

test('Автопоказ starts off: stored settings, a reload and a second tab never turn it on', async ({ ext }) => {
  test.setTimeout(60_000);
  // Stored as on with a short pause (as an older version stored it).
  await storePresentation(ext, { autoAdvance: true, pauseSeconds: 2 });
  const page = await openTraining(ext, '#portal=cabinet');
  await waitFrameStep(page, 'cabinet.login');
  const stays = async (p: Page, stepId: string) => {
    await expect(p.getByTestId('training-auto')).not.toBeChecked();
    await expect(p.getByTestId('training-autoplay-card')).toHaveCount(0);
    // Longer than the pause: nothing is announced, nothing is pressed.
    await p.waitForTimeout(3500);
    await expect(frameGuide(p)).toHaveAttribute('data-step', stepId);
    await expect(p.getByTestId('training-autoplay')).toHaveCount(0);
  };
  await stays(page, 'cabinet.login');

  // Switched on here (a long pause: nothing moves during the test)…
  await page.getByTestId('training-pause').selectOption('15');
  await page.getByTestId('training-auto').check();
  await expect(page.getByTestId('training-autoplay')).toHaveText(/^Через 1[0-5] с: /);
  // …a second tab does not have it…
  const other = await openTraining(ext, '#portal=sgo');
  await waitFrameStep(other, 'sgo.login');
  await expect(other.getByTestId('training-auto')).not.toBeChecked();
  await expect(other.getByTestId('training-autoplay-card')).toHaveCount(0);
  await other.close();
  // …and after a reload it is off again, with the stored pause still short.
  await storePresentation(ext, { autoAdvance: true, pauseSeconds: 2 });
  await page.reload();
  await frameGuide(page).waitFor({ state: 'attached' });
  await waitFrameStep(page, 'cabinet.login');
  await stays(page, 'cabinet.login');
  await page.close();
});

test('while Автопоказ runs: large «Пауза» and «Стоп», and the announcement right next to the guide\'s panel', async ({ ext }) => {
  test.setTimeout(90_000);
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(trainingUrl(ext, '#code=К-7'));
  await waitFrameStep(page, 'cabinet.email');
  await page.getByTestId('training-pause').selectOption('15');
  await page.getByTestId('training-auto').check();
  const status = page.getByTestId('training-autoplay');
  await expect(status).toHaveText(/^Через 1[0-5] с: нажимаем «Заполнить из профиля»/);
  await expectBesidePanel(page, 'К-7 (the e-mail dialog)');
  for (const id of ['training-autoplay-pause', 'training-autoplay-stop']) {
    const b = page.getByTestId(id);
    await expect(b).toBeVisible();
    const box = (await b.boundingBox())!;
    expect(box.height, id).toBeGreaterThanOrEqual(44);
    expect(box.width, id).toBeGreaterThanOrEqual(100);
    expect(await b.evaluate((e) => parseFloat(getComputedStyle(e).fontSize)), id).toBeGreaterThanOrEqual(18);
  }
  await expect(page.getByTestId('training-autoplay-pause')).toHaveText(/Пауза/);
  await expect(page.getByTestId('training-autoplay-stop')).toHaveText(/Стоп/);

  // Other pages, other places of the panel.
  for (const [code, stepId] of [
    ['Т-1', 'sgo.login'],
    ['К-5', 'cabinet.document-form'],
    ['К-3', 'cabinet.apply'],
  ] as const) {
    await showCode(page, code);
    await waitFrameStep(page, stepId);
    await expect(status).toHaveText(/^Через \d+ с: /);
    await expectBesidePanel(page, code);
  }

  // «Пауза» holds it, even with a short pause chosen meanwhile; «Продолжить» counts down again.
  await page.getByTestId('training-autoplay-pause').click();
  await expect(status).toHaveText(/^Пауза\. Дальше: /);
  await expect(page.getByTestId('training-autoplay-pause')).toHaveText(/Продолжить/);
  await page.getByTestId('training-pause').selectOption('2');
  await page.waitForTimeout(3500);
  await expect(status).toHaveText(/^Пауза\. Дальше: /);
  await expect(frameGuide(page)).toHaveAttribute('data-step', 'cabinet.apply');
  await page.getByTestId('training-pause').selectOption('15');
  await page.getByTestId('training-autoplay-pause').click();
  await expect(status).toHaveText(/^Через 1[0-5] с: /);
  await expectBesidePanel(page, 'after «Продолжить»');

  // «Стоп» ends it: the announcement goes, the switch is off, nothing is pressed.
  await page.getByTestId('training-autoplay-stop').click();
  await expect(page.getByTestId('training-autoplay-card')).toHaveCount(0);
  await expect(page.getByTestId('training-auto')).not.toBeChecked();
  await page.getByTestId('training-pause').selectOption('2');
  await page.waitForTimeout(3500);
  await expect(frameGuide(page)).toHaveAttribute('data-step', 'cabinet.apply');
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
  await showCode(page, 'К-7');
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
  const show = (code: string) => showCode(page, code);

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
  // The replica's own parameters are not shown.
  await expect(address).toHaveText('https://cabinet.ruobr.ru/');

  // 1: a link in the replica (handed to the training page by boot.js).
  await clickOutlined(page);
  await waitFrameStep(page, 'cabinet.apply');
  await expect(address).toHaveText(/^https:\/\/cabinet\.ruobr\.ru\/services\/dop\/$/);
  const dopAddress = (await address.textContent())!;
  expect(page.url()).toContain('vp=%2Fservices%2Fdop%2F');
  // 2: a step by code.
  await showCode(page, 'К-7');
  await waitFrameStep(page, 'cabinet.email');

  await page.goBack();
  await waitFrameStep(page, 'cabinet.apply');
  await expect(address).toHaveText(dopAddress);
  await expect(page.getByTestId('training-step')).toHaveText('Шаг К-3');
  expect(await (await frame(page)).evaluate(() => location.pathname)).toBe('/services/dop/');

  await page.goBack();
  await waitFrameStep(page, 'cabinet.services');
  await expect(address).toHaveText('https://cabinet.ruobr.ru/');

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

test('the printable guide (PDF): codes, instructions, two or three steps to a page after the cover, pictures', async ({ ext }) => {
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
    // The cover, then two or three steps to a page (was: one page per step).
    expect(pages).toBeGreaterThanOrEqual(1 + Math.ceil(steps.length / 3));
    expect(pages).toBeLessThanOrEqual(1 + Math.ceil(steps.length / 2));
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l));
    expect(images.length).toBeGreaterThanOrEqual(steps.length);
    // Pictures on every step page, none on the cover.
    const pagesWithImages = new Set(images.map((l) => Number(l.trim().split(/\s+/)[0])));
    expect([...pagesWithImages].sort((a, b) => a - b)).toEqual(Array.from({ length: pages - 1 }, (_, i) => i + 2));
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

  // Auto-advance switched on in the training page, and even stored as on (an older version did)…
  await storePresentation(ext, { autoAdvance: true, pauseSeconds: 2 });
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
