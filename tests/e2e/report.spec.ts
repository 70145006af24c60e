import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { seedProfile, waitForStep, replicaReady } from '../support/browser';
import { waitForGuideElement } from '../support/guide';
import { pressPanel } from '../support/walk';
import { FAMILY, personalValues } from '../support/family';
import { formsOf } from '../support/personal-forms';

/**
 * «Сохранить описание страницы для поддержки» end to end (issue 10): the panel's button opens the
 * description page for that tab, which shows the check and the preview, and saves a file with no
 * personal data, only on the user's click.
 */
test.describe.configure({ mode: 'serial' });

/** Presses the panel's button and returns the description page that opens. */
async function openReport(ext: { context: import('@playwright/test').BrowserContext }, page: Page): Promise<Page> {
  const [report] = await Promise.all([ext.context.waitForEvent('page'), pressPanel(page, 'guide-report')]);
  await report.waitForLoadState();
  return report;
}

test('the document form filled with the family: the saved description holds no personal value in any form', async ({ ext }) => {
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans], activeChildId: 'child-artem' });
  const page = await ext.context.newPage();
  await page.goto('https://cabinet.ruobr.ru/services/dop/certificate/?reset=1&state=logged-in&open=document&delay=0');
  await replicaReady(page);
  await waitForStep(page, 'cabinet.document-form');
  await pressPanel(page, 'guide-fill');
  await waitForGuideElement(page, '[data-testid=guide-fill-result]');
  const report = await openReport(ext, page);
  expect(report.url()).toContain('/report.html?tab=');
  await expect(report.getByTestId('report-check')).toContainText('Проверено: в файле нет имён, дат, номеров, адресов и e-mail');
  await expect(report.getByTestId('report-facts')).toContainText('/services/dop/certificate/');
  await expect(report.getByTestId('report-facts')).toContainText('К-');
  // The preview is the page rebuilt from the file: the portal's words are there, the child's name is not.
  const preview = report.frameLocator('[data-testid=report-preview]');
  await expect(preview.locator('body')).toContainText('Предоставить документ');
  // Nothing is saved until the user presses «Сохранить файл».
  const [download] = await Promise.all([report.waitForEvent('download'), report.getByTestId('report-save').click()]);
  expect(download.suggestedFilename()).toMatch(/^pfdo-opisanie-cabinet-[a-z-]+-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const file = JSON.parse(text);
  expect(file.format).toBe('pfdo-page-report');
  expect(file.guide.recognised).toBe('cabinet.document-form');
  const found = formsOf(personalValues()).filter((f) => text.toLowerCase().includes(f.toLowerCase()));
  expect(found, 'personal values in the file').toEqual([]);
  await expect(report.getByTestId('report-saved')).toContainText('pfdo-opisanie-cabinet');
  await report.close();
  await page.close();
});

test('an unknown portal page offers the description in the panel; the optional .html preview is saved too', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto('https://cabinet.ruobr.ru/profile/?reset=1&state=logged-in&delay=0');
  await replicaReady(page);
  await waitForGuideElement(page, '[data-testid=guide-report-offer]');
  const report = await openReport(ext, page);
  await expect(report.getByTestId('report-check')).toContainText('Проверено');
  await report.getByTestId('report-with-html').check();
  const downloads: string[] = [];
  report.on('download', (d) => downloads.push(d.suggestedFilename()));
  await report.getByTestId('report-save').click();
  await expect.poll(() => downloads.length).toBe(2);
  expect(downloads[1]).toMatch(/\.html$/);
  await report.close();
  await page.close();
});

test('the description page opened for a tab that is no portal page says so in Russian', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/report.html?tab=999999`);
  await expect(page.getByTestId('report-error')).toContainText('Вкладка портала уже закрыта');
  await page.close();
});
