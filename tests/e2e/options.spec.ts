import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';

/**
 * The options page («Профиль») in the built extension, as a parent uses it (issue 8, items 7 and
 * 8): a first run starts with the child; the applicant is stored as it is typed, so saving a child
 * with its own button and reloading loses nothing; unsaved changes are named and the browser asks
 * before the page is left; bad input changes nothing stored.
 */
// Each test starts from an empty profile (the worker's browser is shared with other spec files).

/** The applicant row as stored in the extension's IndexedDB (read raw), or `null`. */
async function storedApplicant(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(async () => {
    const req = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const db = await req(indexedDB.open('pfdo-companion'));
    try {
      if (!db.objectStoreNames.contains('applicant')) return null;
      return ((await req(db.transaction('applicant').objectStore('applicant').get('applicant'))) as Record<string, unknown> | undefined) ?? null;
    } finally {
      db.close();
    }
  });
}

/** Opens the options page on an empty profile (everything deleted through the page itself). */
async function freshOptions(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('wipe').click();
  await page.getByTestId('confirm-wipe').click();
  await expect(page.locator('.status-ok')).toContainText('удалены');
  await page.reload();
  await page.getByTestId('applicant-form').waitFor();
}

/** Opens the form of a new child if it is not open yet. */
async function openNewChildForm(page: Page): Promise<void> {
  if (!(await page.getByTestId('child-form').isVisible())) await page.getByTestId('add-child').click();
  await page.getByTestId('child-form').waitFor();
}

/** Stores a child through its form: Смирнов Артём, 14.03.2015, Кузбасс, school. */
async function addChild(page: Page): Promise<void> {
  await openNewChildForm(page);
  await page.locator('#child-lastName').fill('Смирнов');
  await page.locator('#child-firstName').fill('Артём');
  await page.locator('#child-birthDate').fill('14.03.2015');
  await page.locator('#child-region-kuzbass').check();
  await page.locator('#child-attends-school').check();
  await page.getByTestId('save-child').click();
  await expect(page.getByTestId('child-row')).toHaveCount(1);
}

/** Starts a reload without waiting for it (a `beforeunload` dialog may hold it). */
async function startReload(page: Page): Promise<void> {
  await page.evaluate(() => setTimeout(() => location.reload(), 0));
}

test('first run: the new child form is at the top with the focus; tabbing past fields marks nothing red', async ({ ext }) => {
  const page = await ext.context.newPage();
  await freshOptions(page, ext.extensionId);
  const childForm = page.getByTestId('child-form');
  await expect(childForm).toBeVisible();
  await expect(page.locator('#child-lastName')).toBeFocused();
  const child = (await page.locator('#child-lastName').boundingBox())!;
  const applicant = (await page.getByTestId('applicant-form').boundingBox())!;
  const viewport = page.viewportSize()!;
  // the child's first field is in the first screen, the applicant comes after the child form
  expect(child.y + child.height).toBeLessThan(viewport.height);
  expect(applicant.y).toBeGreaterThan((await childForm.boundingBox())!.y);

  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(page.locator('.error')).toHaveCount(0);
  await page.close();
});

test('applicant typed, child saved with its own button, page reloaded: nothing is lost and nothing asked', async ({ ext }) => {
  const page = await ext.context.newPage();
  await freshOptions(page, ext.extensionId);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });

  await page.locator('#applicant-lastName').click();
  await page.locator('#applicant-lastName').fill('Смирнова');
  await page.locator('#applicant-firstName').fill('Елена');
  await page.locator('#applicant-phone').fill('89001234567');
  await addChild(page);

  // reload at once: the applicant was stored while the child was typed, so nothing is asked
  await page.reload();
  await page.getByTestId('applicant-form').waitFor();
  await expect(page.locator('#applicant-lastName')).toHaveValue('Смирнова');
  await expect(page.locator('#applicant-firstName')).toHaveValue('Елена');
  await expect(page.locator('#applicant-phone')).toHaveValue('+7 (900) 123-45-67');
  expect(dialogs).toEqual([]);
  expect(await storedApplicant(page)).toMatchObject({ name: { lastName: 'Смирнова', firstName: 'Елена' }, phone: '+7 (900) 123-45-67' });
  await expect(page.getByTestId('applicant-status')).toHaveText('Данные заявителя сохранены.');
  await expect(page.getByTestId('unsaved-bar')).toHaveCount(0);
  await page.close();
});

test('bad input: a Russian message, the stored data stay; the browser asks before a reload', async ({ ext }) => {
  const page = await ext.context.newPage();
  await freshOptions(page, ext.extensionId);
  await page.locator('#applicant-lastName').fill('Смирнова');
  await page.locator('#applicant-firstName').fill('Елена');
  await page.getByTestId('save-applicant').click();
  await expect(page.getByText('Данные заявителя сохранены.')).toBeVisible();
  const before = await storedApplicant(page);
  expect(before).toMatchObject({ name: { lastName: 'Смирнова' } });

  await page.locator('#applicant-snils').click();
  await page.locator('#applicant-snils').fill('148-481-255 86'); // wrong check digits
  await page.locator('#applicant-email').click();
  await expect(page.locator('#applicant-snils-error')).toContainText('СНИЛС');
  expect(await storedApplicant(page)).toEqual(before);

  // reload → the browser asks; staying keeps what was typed
  let dialog = page.waitForEvent('dialog', { timeout: 5000 });
  await startReload(page);
  const stay = await dialog;
  expect(stay.type()).toBe('beforeunload');
  await stay.dismiss();
  await expect(page.locator('#applicant-snils')).toHaveValue('148-481-255 86');
  // and the page says what is not saved
  await expect(page.getByTestId('applicant-status')).toHaveText('Не сохранено — проверьте: СНИЛС.');
  await expect(page.getByTestId('unsaved-bar')).toHaveText(/Не сохранено: данные заявителя — проверьте: СНИЛС\./);
  expect(await storedApplicant(page)).toEqual(before);

  // leaving anyway loses only the bad draft: the stored applicant is shown again
  dialog = page.waitForEvent('dialog', { timeout: 5000 });
  await startReload(page);
  const leave = await dialog;
  expect(leave.type()).toBe('beforeunload');
  await Promise.all([page.waitForEvent('load'), leave.accept()]);
  await page.getByTestId('applicant-form').waitFor();
  await expect(page.locator('#applicant-lastName')).toHaveValue('Смирнова');
  await expect(page.locator('#applicant-snils')).toHaveValue('');
  expect(await storedApplicant(page)).toEqual(before);
  await page.close();
});

test('an open child form with changes is not replaced silently', async ({ ext }) => {
  const page = await ext.context.newPage();
  await freshOptions(page, ext.extensionId);
  await addChild(page);
  await page.getByTestId('edit-child').first().click();
  await page.locator('#child-municipality').fill('г. Киселевск');
  await expect(page.getByTestId('child-unsaved')).toContainText('Не сохранено: город или район');
  await expect(page.getByTestId('unsaved-bar')).toContainText('данные ребёнка (город или район)');
  await page.getByTestId('add-child').click();
  await expect(page.getByText('Сначала сохраните или отмените изменения в открытой форме ребёнка.')).toBeVisible();
  await expect(page.locator('#child-municipality')).toHaveValue('г. Киселевск');
  await page.getByTestId('save-child').click();
  await expect(page.getByTestId('child-row')).toHaveCount(1);
  await expect(page.getByTestId('unsaved-bar')).toHaveCount(0);
  await page.close();
});
