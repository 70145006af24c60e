import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtensionBrowser } from './browser';

/**
 * Opens the popup as a page, presses «Заявление и согласия (PDF)» for the first child and
 * «Пустой бланк (PDF)», and saves both downloads.
 * @param b the browser with the extension
 * @param outDir folder for the PDFs
 * @returns the saved files (names relative to `outDir`) and their sizes in bytes
 */
export async function makePapersFromPopup(b: ExtensionBrowser, outDir: string): Promise<Array<{ file: string; bytes: number }>> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
  const saved: Array<{ file: string; bytes: number }> = [];
  for (const [testId, name] of [
    ['make-pdf', 'zayavlenie-i-soglasiya.pdf'],
    ['blank-pdf', 'blank.pdf'],
  ] as const) {
    const button = page.getByTestId(testId).first();
    await button.waitFor({ timeout: 10_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
    const path = join(outDir, name);
    await download.saveAs(path);
    saved.push({ file: name, bytes: statSync(path).size });
  }
  await page.close();
  return saved;
}

/**
 * Opens the training portal (`training.html`) for each portal and presses «Памятка для раздачи
 * (PDF)», saving the printable illustrated guide of that portal.
 * @param b the browser with the extension
 * @param outDir folder for the PDFs
 * @returns the saved files (the names the extension offers, e.g. `pamyatka_sgo.tvobr.ru_2026-12-02.pdf`) and their sizes
 */
export async function makeGuideSheetsFromTraining(b: ExtensionBrowser, outDir: string): Promise<Array<{ file: string; bytes: number }>> {
  const page = await b.context.newPage();
  const saved: Array<{ file: string; bytes: number }> = [];
  for (const portal of ['sgo', 'cabinet'] as const) {
    await page.goto(`chrome-extension://${b.extensionId}/training.html#portal=${portal}`);
    const button = page.getByTestId('training-pdf');
    await button.waitFor({ timeout: 10_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
    const path = join(outDir, download.suggestedFilename());
    await download.saveAs(path);
    saved.push({ file: download.suggestedFilename(), bytes: statSync(path).size });
  }
  await page.close();
  return saved;
}
