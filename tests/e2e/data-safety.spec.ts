import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { seedProfile } from '../support/browser';
import { FAMILY } from '../support/family';

/**
 * Data safety through the options page of the built extension: the backup file restores the
 * same data, bad files (malformed, foreign, oversized) are refused in Russian and change
 * nothing, and «Удалить все данные» leaves nothing behind.
 */
test.describe.configure({ mode: 'serial' });

/** Everything the extension stores: IndexedDB rows (blobs as sizes) and storage.local, read raw. */
async function dump(page: Page): Promise<{ idb: Record<string, unknown[]>; local: Record<string, unknown>; dbs: string[] }> {
  return page.evaluate(async () => {
    const req = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const dbs = (await indexedDB.databases()).map((d) => d.name ?? '');
    const idb: Record<string, unknown[]> = {};
    if (dbs.includes('pfdo-companion')) {
      const db = await req(indexedDB.open('pfdo-companion'));
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = (await req(db.transaction(store).objectStore(store).getAll())) as Array<Record<string, unknown>>;
        idb[store] = rows.map((r) => (r.blob instanceof Blob ? { ...r, blob: r.blob.size } : r));
      }
      db.close();
    }
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
    const local = await chrome.storage.local.get(null);
    return { idb, local, dbs };
  });
}

async function options(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('export-profile').waitFor();
}

async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer } | string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-profile').click()]);
  await chooser.setFiles(file);
  await page.getByTestId('confirm-import').click();
}

test.beforeAll(async ({ ext }) => {
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans], activeChildId: 'child-artem' });
});

test('export to a file and import back gives the same data', async ({ ext }) => {
  const page = await ext.context.newPage();
  await options(page, ext.extensionId);
  const before = await dump(page);
  expect(before.idb.children).toHaveLength(2);
  expect(before.idb.scans).toHaveLength(1);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-profile').click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  const file = JSON.parse(text);
  expect(file).toMatchObject({ format: 'pfdo-companion-profile', version: 1 });
  expect(file.children.map((c: { id: string }) => c.id).sort()).toEqual(['child-artem', 'child-darya']);
  expect(file.scans[0].base64).toBe(FAMILY.scans[0].base64);

  // wipe, then restore from the file
  await page.getByTestId('wipe').click();
  await page.getByTestId('confirm-wipe').click();
  await expect(page.getByTestId('child-row')).toHaveCount(0);
  await chooseFile(page, { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('child-row')).toHaveCount(2);
  const after = await dump(page);
  expect(after.idb).toEqual(before.idb);
  await page.close();
});

test('malformed, foreign and oversized files are refused in Russian and nothing changes', async ({ ext }) => {
  const page = await ext.context.newPage();
  await options(page, ext.extensionId);
  const before = await dump(page);
  expect(before.idb.children).toHaveLength(2);

  const dir = mkdtempSync(join(tmpdir(), 'pfdo-big-'));
  const big = join(dir, 'huge-profile.json');
  // a sparse file larger than anything the extension can write (20 scans × 10 MB in base64 + text)
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 300 * 1024 * 1024);
  closeSync(fd);

  const cases: Array<[string, { name: string; mimeType: string; buffer: Buffer } | string]> = [
    ['malformed JSON', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"pfdo-companion-profile","version":1,"children":[{') }],
    ['foreign JSON', { name: 'package.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ name: 'x', version: '1.0.0', dependencies: {} })) }],
    ['other format', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'something-else', version: 1, children: [] })) }],
    ['not JSON at all', { name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) }],
    ['oversized (300 MB)', big],
  ];
  try {
    for (const [what, file] of cases) {
      await chooseFile(page, file);
      const status = page.locator('.status-error');
      await expect(status, what).toBeVisible();
      await expect(status, what).toHaveText(/[А-Яа-яЁё]{4}.*(ничего не изменено|не файл профиля|не читается)/);
      expect((await dump(page)).idb, what).toEqual(before.idb);
      await expect(page.getByTestId('child-row')).toHaveCount(2);
    }
    await expect(page.locator('.status-error')).toContainText('слишком большой');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await page.close();
});

test('«Удалить все данные» leaves nothing behind', async ({ ext }) => {
  const page = await ext.context.newPage();
  await options(page, ext.extensionId);
  await page.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ activeChildId: 'child-artem' }),
  );
  const before = await dump(page);
  expect(before.idb.children.length).toBeGreaterThan(0);
  expect(before.local.activeChildId).toBe('child-artem');

  await page.getByTestId('wipe').click();
  await page.getByTestId('confirm-wipe').click();
  await expect(page.locator('.status-ok')).toContainText('удалены');
  const after = await dump(page);
  expect(after.idb).toEqual({ applicant: [], children: [], scans: [] });
  // storage.local keeps no profile key and no profile value (other settings may stay)
  expect(after.local.activeChildId).toBeUndefined();
  const local = JSON.stringify(after.local);
  for (const v of [FAMILY.applicant.email, FAMILY.applicant.snils, 'Смирнов', 'child-artem', 'child-darya', '537155', '500100732259']) expect(local).not.toContain(v);
  expect(after.dbs).toEqual(['pfdo-companion']); // no other database holds a copy

  // and a fresh page of the extension sees no profile either
  await page.reload();
  await page.getByTestId('export-profile').waitFor();
  await expect(page.getByTestId('child-row')).toHaveCount(0);
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect(popup.getByTestId('child-card')).toHaveCount(0);
  await popup.close();
  await page.close();
});
