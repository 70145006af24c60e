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

test('a page of 100 000 elements with a shadow root and frames: the description is made within 2 s, bounded, and says it is partial', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto('https://cabinet.ruobr.ru/profile/?reset=1&state=logged-in&delay=0');
  await replicaReady(page);
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = '<div><span>Смирнова Дарья</span><input value="148-481-255 85"></div>'.repeat(33_334);
    document.body.append(box);
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<button>Сохранить</button>';
    const same = document.createElement('iframe');
    same.srcdoc = '<p>Дети</p>';
    const other = document.createElement('iframe');
    other.src = 'https://esia.gosuslugi.ru/login';
    document.body.prepend(host, same, other);
  });
  await waitForGuideElement(page, '[data-testid=guide-report]');
  const report = await openReport(ext, page);
  await expect(report.getByTestId('report-check')).toContainText('Проверено', { timeout: 15_000 });
  await expect(report.getByTestId('report-truncated')).toBeVisible();
  const [download] = await Promise.all([report.waitForEvent('download'), report.getByTestId('report-save').click()]);
  const json = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(json.made.ms, 'time to describe (ms)').toBeLessThan(2000);
  expect(json.made.elements).toBeGreaterThan(100_000);
  expect(json.made.truncated).toBeTruthy();
  const text = JSON.stringify(json);
  expect(new TextEncoder().encode(text).length).toBeLessThan(2 * 1024 * 1024);
  // (booleans, not the text itself: the file is 1–2 MB)
  const top = json.body.c as Array<{ sh?: Array<{ t: string; c?: string[] }>; fr?: { doc?: unknown; other?: string } }>;
  expect(top.some((n) => n.sh?.[0]?.t === 'button' && n.sh[0].c?.[0] === 'Сохранить'), 'the shadow root is described').toBe(true);
  expect(top.some((n) => n.fr?.doc), 'the same-origin frame is described').toBe(true);
  expect(top.some((n) => n.fr?.other === 'esia.gosuslugi.ru'), 'the other origin is named').toBe(true);
  expect(/Смирнова|148-481/.test(text), 'personal values in the file').toBe(false);
  await report.close();
  await page.close();
});
