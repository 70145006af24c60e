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

  const artem = cards.filter({ hasText: 'Артём' });
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
  const [portal] = await Promise.all([
    ext.context.waitForEvent('page'),
    page.getByTestId('child-card').filter({ hasText: 'Артём' }).getByTestId('open-guide').click(),
  ]);
  await waitForStep(portal, 'cabinet.login');
  // The popup closes itself after opening the tab; read the choice from the service worker.
  const [sw] = ext.context.serviceWorkers();
  const active = await sw.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('activeChildId')).activeChildId);
  expect(active).toBe('child-artem');
  await portal.close();
});


test('«Показ на экране» is under «Для занятий и показа», closed; a switch reached by the keyboard opens it and Space sets it', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
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
