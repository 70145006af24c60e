import { test, expect } from '../support/fixtures';
import { inGuide, waitForGuideElement } from '../support/guide';
import { seedProfile, waitForStep, replicaReady } from '../support/browser';
import { pressPanel } from '../support/walk';
import { FAMILY, personalValues } from '../support/family';
import { sgoFlow } from '../../utils/flows/sgo';
import { cabinetFlow } from '../../utils/flows/cabinet';

test.describe.configure({ mode: 'serial' });

const ALL_STEPS = [...sgoFlow.steps, ...cabinetFlow.steps].map((s) => s.id);


/** Step ids of the cards shown on the consultant page, in order. */
async function shownSteps(page: import('@playwright/test').Page): Promise<string[]> {
  return page.locator('[data-testid=consultant-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id') ?? ''));
}

test('the consultant page lists every step of both flows, each with a live picture of the training portal at that step', async ({ ext }) => {
  test.setTimeout(180_000);
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${ext.extensionId}/consultant.html`);
  await expect(page.locator('h1')).toHaveText('Справка для консультантов');
  const shown = await shownSteps(page);
  expect([...shown].sort()).toEqual([...ALL_STEPS].sort());
  // No screenshots are shipped or shown: each card's picture is the training portal, live.
  await expect(page.locator('[data-testid=consultant-step] img')).toHaveCount(0);
  const lives = page.locator('[data-testid=consultant-live]');
  await expect(lives).toHaveCount(ALL_STEPS.length);
  // Only the cards near the window run a replica.
  const on = () => lives.evaluateAll((els) => els.filter((e) => e.querySelector('iframe')).length);
  // Once the first card's picture has started, the far cards still have none.
  await lives.first().locator('iframe').waitFor({ state: 'attached' });
  expect(await on()).toBeGreaterThanOrEqual(1);
  expect(await on()).toBeLessThanOrEqual(4);
  // The pictures never take the focus or add history entries to the consultant page (checked
  // after every card has loaded its picture).
  const entries = await page.evaluate(() => history.length);
  await page.getByTestId('consultant-search').focus();
  for (const id of shown) {
    const card = page.locator(`[data-step-id="${id}"]`);
    await card.scrollIntoViewIfNeeded();
    const live = card.getByTestId('consultant-live');
    await expect(live, id).toHaveAttribute('aria-label', /^Экран родителя на шаге /);
    // The guide inside the training copy shows this very step (the activation visits via «Далее»).
    await live.frameLocator('iframe').frameLocator('iframe').locator(`pfdo-guide[data-shown-step="${id}"]`).waitFor({ state: 'attached', timeout: 20_000 });
    expect(await on(), `live pictures running at ${id}`).toBeLessThanOrEqual(5);
  }
  expect(await page.evaluate(() => history.length), 'history entries while the pictures loaded').toBe(entries);
  await expect(page.getByTestId('consultant-search'), 'focus while the pictures loaded').toBeFocused();
  await page.getByTestId('consultant-search').fill('К-7');
  await page.locator('[data-step-id="cabinet.email"] [data-testid=consultant-live]').frameLocator('iframe').frameLocator('iframe').locator('pfdo-guide[data-shown-step="cabinet.email"]').waitFor({ state: 'attached', timeout: 20_000 });
  await page.waitForTimeout(500);
  await expect(page.getByTestId('consultant-search')).toBeFocused();
  expect(await page.evaluate(() => history.length)).toBe(entries);
  // Codes are shown big enough to read aloud.
  const size = await page.locator('[data-testid=consultant-code]').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(28);
  await page.close();
});

test('the cards show the step code and title, never an internal step id as visible text', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/consultant.html`);
  await expect(page.locator('[data-testid=consultant-step]')).toHaveCount(ALL_STEPS.length);
  const seen = await page.locator('main').evaluate((m) => (m as HTMLElement).innerText);
  for (const id of ALL_STEPS) {
    expect(seen, id).not.toMatch(new RegExp(`(^|[^\\w.-])${id.replace(/[.-]/g, '\\$&')}($|[^\\w-])`));
  }
  await expect(page.locator('[data-step-id="cabinet.email"] [data-testid=consultant-code]')).toHaveText('К-7');
  await expect(page.locator('[data-step-id="cabinet.email"] h3')).toBeVisible();
  await page.close();
});

test('search by code scrolls to and highlights the step; by words finds the callers’ troubles', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/consultant.html`);
  const search = page.getByTestId('consultant-search');
  await expect(search).toBeFocused();

  await search.pressSequentially('К-7');
  const email = page.locator('[data-step-id="cabinet.email"]');
  await expect(email).toHaveClass(/is-hit/);
  await expect(email).toBeInViewport();
  await expect(page.locator('.step.is-hit')).toHaveCount(1);
  await expect(page.getByTestId('consultant-status')).toContainText('К-7');

  for (const q of ['k7', 'к7']) {
    await search.fill(q);
    await expect(email).toHaveClass(/is-hit/);
  }
  // A bare number within the chosen portal.
  await page.getByLabel('Кузбасс (К)').check();
  await search.fill('7');
  await expect(email).toHaveClass(/is-hit/);
  await expect(page.locator('[data-step-id="sgo.login-error"]')).toHaveCount(0);
  await page.getByLabel('Оба').check();

  await search.fill('не приходит письмо');
  await expect.poll(() => shownSteps(page)).toContain('cabinet.check-mail');
  expect((await shownSteps(page))[0]).toBe('cabinet.check-mail');
  await expect(page.locator('[data-step-id="cabinet.check-mail"] [data-testid=consultant-code]')).toHaveText('К-8');

  await search.fill('Госуслуги');
  await expect.poll(() => shownSteps(page)).toEqual(expect.arrayContaining(['cabinet.login', 'cabinet.login-error', 'sgo.login']));

  // Keyboard: Enter goes to the first result, Escape clears the search.
  const best = await page.locator('[data-testid=consultant-hits] a').first().getAttribute('data-step-id');
  await search.press('Enter');
  await expect(page.locator(`[data-step-id="${best}"][data-testid=consultant-step]`)).toBeFocused();
  await search.focus();
  await search.press('Escape');
  await expect.poll(async () => (await shownSteps(page)).length).toBe(ALL_STEPS.length);
  await page.close();
});

test('the popup links to the consultant page', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect(page.getByTestId('open-consultant')).toHaveText('Для консультантов');
  await expect(page.getByTestId('open-consultant')).toHaveAttribute('href', '/consultant.html');
  await page.close();
});

test('support text after «Заполнить» has the step code and none of the profile’s values; the panel opens the consultant page', async ({ ext }) => {
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans], activeChildId: 'child-artem' });
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://cabinet.ruobr.ru' });
  const page = await ext.context.newPage();
  await page.goto('https://cabinet.ruobr.ru/services/dop/certificate/?reset=1&state=logged-in&open=document');
  await replicaReady(page);
  await waitForStep(page, 'cabinet.document-form');
  await pressPanel(page, 'guide-fill');
  await waitForGuideElement(page, 'guide-fill-result');
  // The profile's values are on the page now…
  await expect(page.getByLabel(/Номер/).first()).toHaveValue(FAMILY.children[0].document.number);

  const code = await inGuide<number>(page, `return parseFloat(getComputedStyle(root.querySelector('[data-testid=guide-code]')).fontSize);`);
  expect(code).toBeGreaterThanOrEqual(28);

  await pressPanel(page, 'guide-support-copy');
  await waitForGuideElement(page, 'guide-support-status');
  const fallback = await inGuide<string | null>(page, `return root.querySelector('[data-testid=guide-support-text]')?.value ?? null;`);
  const text = fallback ?? (await page.evaluate(() => navigator.clipboard.readText()));
  // …but not in the support text.
  expect(text).toContain('К-5 (cabinet.document-form)');
  expect(text).toContain('Портал: Личный кабинет граждан Кемеровской области');
  expect(text).toContain('Страница: cabinet.ruobr.ru/services/dop/certificate/');
  expect(text).toContain('Нужный элемент:');
  expect(text).toMatch(/Версия расширения: \d+\.\d+\.\d+/);
  expect(text).toMatch(/Браузер: Chrome \d+/);
  expect(text).not.toContain('?');
  for (const v of personalValues()) expect(text, v).not.toContain(v);

  const [consultant] = await Promise.all([ext.context.waitForEvent('page'), pressPanel(page, 'guide-consultant')]);
  await consultant.waitForLoadState();
  expect(consultant.url()).toBe(`chrome-extension://${ext.extensionId}/consultant.html`);
  await expect(consultant.locator('h1')).toHaveText('Справка для консультантов');
  await consultant.close();
  await page.close();
});
