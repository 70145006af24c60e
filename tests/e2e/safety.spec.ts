import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { EXTENSION_DIR, seedProfile, waitForStep, type ExtensionBrowser } from '../support/browser';
import { openWithWorlds } from '../support/worlds';
import { clickInGuide, guideCount, guideElement, guideText, inGuide, waitForGuideElement } from '../support/guide';
import { waitForHighlight } from '../support/walk';
import { FAMILY } from '../support/family';

/**
 * Safety of the guide's actions (issue 8): answers on every Chrome, requests tied to their
 * sender, «Заполнить» twice, the child it fills for, hidden file inputs and scan types, a
 * failure in the middle of a fill, and no step named while the page is loading.
 */
test.describe.configure({ mode: 'serial' });

const CERT = 'https://cabinet.ruobr.ru/services/dop/certificate/';
const DOCUMENT_FORM = `${CERT}?reset=1&state=logged-in&open=document&delay=0`;
const ARTEM = FAMILY.children.find((c) => c.id === 'child-artem')!;
const DARYA = FAMILY.children.find((c) => c.id === 'child-darya')!;

test.beforeAll(async ({ ext }) => {
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans] });
});

/** Values of the document dialog's fields, by id. */
const formValues = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll('#document-form input:not([type=hidden]), #document-form select'))) {
      const e = el as HTMLInputElement;
      out[e.id] = e.type === 'file' ? String(e.files?.length ?? 0) : e.value;
    }
    return out;
  });

async function openDocumentForm(ext: ExtensionBrowser, url = DOCUMENT_FORM): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await waitForStep(page, 'cabinet.document-form');
  await waitForGuideElement(page, 'guide-fill');
  return page;
}

test('Chrome before 144 (e.g. 109 on Windows 7/8): the built background answers through sendResponse', async () => {
  // The built service worker in a sandbox whose `chrome.runtime.onMessage` behaves like Chrome
  // 109: a Promise returned by a listener is ignored; only `sendResponse` after `return true` answers.
  // The background is an ES module sharing chunks with the extension's pages: joined here into one
  // script (esbuild, the built files as they are) to run in the sandbox.
  const { outputFiles } = buildSync({ entryPoints: [join(EXTENSION_DIR, 'background.js')], bundle: true, format: 'iife', write: false, logLevel: 'silent' });
  const code = outputFiles[0].text;
  const listeners: Array<(m: unknown, s: unknown, r: (x: unknown) => void) => unknown> = [];
  const store: Record<string, unknown> = {};
  const area = {
    get: async (k: string) => (k in store ? { [k]: store[k] } : {}),
    set: async (o: Record<string, unknown>) => void Object.assign(store, o),
    remove: async () => undefined,
  };
  const chrome = {
    runtime: { id: 'pfdo', getURL: (p: string) => `chrome-extension://pfdo${p}`, getManifest: () => ({ manifest_version: 3, version: '1' }), onMessage: { addListener: (f: never) => listeners.push(f) } },
    storage: { local: area, session: area, onChanged: { addListener: () => undefined } },
    tabs: { create: async () => ({ id: 1 }) },
  };
  runInNewContext(code, { chrome, browser: undefined, console, setTimeout, clearTimeout, queueMicrotask, Promise, URL, TextEncoder, TextDecoder, structuredClone }, { filename: 'background.js' });
  expect(listeners).toHaveLength(1);
  const answers: unknown[] = [];
  const kept = listeners[0]({ type: 'tab-state:get' }, { id: 'pfdo', url: 'https://cabinet.ruobr.ru/', frameId: 0, tab: { id: 5, url: 'https://cabinet.ruobr.ru/' } }, (a) => answers.push(a));
  expect(kept).toBe(true); // keeps the channel open the way Chrome 109 understands
  await expect.poll(() => answers.length).toBe(1);
  expect(answers[0]).toEqual({ ok: true, value: { hidden: false, variant: 'parent' } });
});

test('a content script may ask only about its own portal: a Tver child is not sent to the cabinet page', async ({ ext }) => {
  const { page, cdp, worlds } = await openWithWorlds(ext.context, DOCUMENT_FORM);
  await waitForStep(page, 'cabinet.document-form');
  // From the guide's own world on the cabinet page (as a compromised or buggy content script would).
  const ask = async (msg: object) => {
    for (const id of worlds) {
      const r = await cdp.send('Runtime.evaluate', {
        contextId: id,
        awaitPromise: true,
        returnByValue: true,
        expression: `(typeof chrome !== 'undefined' && chrome.runtime && chrome.runtime.sendMessage) ? chrome.runtime.sendMessage(${JSON.stringify(msg)}).then((a) => JSON.stringify(a), (e) => 'error: ' + e.message) : ''`,
      });
      if (r.result.value) return String(r.result.value);
    }
    throw new Error('no content script world');
  };
  const tver = await ask({ type: 'fill:values', childId: DARYA.id, keys: ['childName', 'documentNumber'] });
  expect(tver).not.toContain(DARYA.document.number);
  expect(tver).toContain('Выберите ребёнка из региона');
  // The old form with `portal: 'sgo'` in the message gets the same answer: the portal is the sender's.
  const forged = await ask({ type: 'fill:values', portal: 'sgo', childId: DARYA.id, keys: ['childName'] });
  expect(forged).not.toContain(DARYA.name.firstName);
  // The message kinds nothing sends are gone.
  expect(await ask({ type: 'open-options' })).toContain('Неверный запрос');
  // Its own region's child is answered.
  expect(await ask({ type: 'fill:values', childId: ARTEM.id, keys: ['documentNumber'] })).toContain(ARTEM.document.number);
  await page.close();
});

test('«Заполнить» twice (double click, then again): one fill at a time, undo returns the values before the first, covers stay', async ({ ext }) => {
  const page = await openDocumentForm(ext);
  // The parent had typed something before pressing «Заполнить».
  await page.locator('#id_series').fill('XX');
  await page.locator('#id_issued_by').fill('набрано вручную');
  const before = await formValues(page);
  const fill = (await guideElement(page, 'guide-fill'))!.box;
  await page.mouse.dblclick(fill.x + fill.width / 2, fill.y + fill.height / 2);
  await waitForGuideElement(page, 'guide-fill-result');
  expect((await formValues(page))['id_series']).toBe(ARTEM.document.series);
  // «Демонстрация» on, then a second fill: the covers stay on every filled field.
  await clickInGuide(page, 'guide-mask');
  await expect(page.locator('pfdo-guide')).toHaveAttribute('data-mask', 'true');
  const covers = await guideCount(page, '.pfdo-cover:not([hidden])');
  expect(covers).toBeGreaterThanOrEqual(5);
  await clickInGuide(page, 'guide-fill');
  await waitForGuideElement(page, 'guide-fill-result');
  await expect.poll(() => guideCount(page, '.pfdo-cover:not([hidden])')).toBe(covers);
  await clickInGuide(page, 'guide-undo');
  await expect.poll(() => formValues(page)).toEqual(before);
  await expect.poll(() => guideCount(page, '.pfdo-cover:not([hidden])')).toBe(0);
  await clickInGuide(page, 'guide-mask');
  await page.close();
});

test('the panel names the child it fills for, and the user chooses among that region\'s children', async ({ ext }) => {
  const page = await openDocumentForm(ext);
  await expect.poll(() => guideText(page, 'guide-fill-for')).toBe(`Заполняю для: ${ARTEM.name.lastName} ${ARTEM.name.firstName}`);
  await page.close();

  // A second Kuzbass child: nobody is chosen until the user chooses (no global, lasting choice).
  const ivan = { ...ARTEM, id: 'child-ivan', name: { lastName: 'Смирнов', firstName: 'Иван', middleName: 'Андреевич' }, document: { ...ARTEM.document, number: '111222' } };
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [...FAMILY.children, ivan], scans: [...FAMILY.scans] });
  const two = await openDocumentForm(ext);
  await waitForGuideElement(page === two ? page : two, 'guide-fill-child');
  await clickInGuide(two, 'guide-fill');
  await expect.poll(() => guideText(two, 'guide-panel')).toContain('Выберите, для кого заполнять');
  expect((await formValues(two))['id_number']).toBe('');
  // Choose Иван with the keyboard on the select (a person's input).
  await clickInGuide(two, 'guide-fill-child');
  await two.keyboard.press('Escape');
  await inGuide(two, `root.querySelector('[data-testid=guide-fill-child]').focus()`);
  for (let i = 0; i < 3 && (await inGuide<string>(two, `return root.querySelector('[data-testid=guide-fill-child]').value`)) !== 'child-ivan'; i++) await two.keyboard.press('ArrowDown');
  await expect.poll(() => inGuide<string>(two, `return root.querySelector('[data-testid=guide-fill-child]').value`)).toBe('child-ivan');
  await clickInGuide(two, 'guide-fill');
  await waitForGuideElement(two, 'guide-fill-result');
  expect((await formValues(two))['id_number']).toBe('111222');
  // The choice holds in this tab after a reload, not in another tab.
  await two.reload();
  await waitForStep(two, 'cabinet.document-form');
  await expect.poll(() => inGuide<string>(two, `return root.querySelector('[data-testid=guide-fill-child]')?.value ?? ''`)).toBe('child-ivan');
  const other = await openDocumentForm(ext);
  await expect.poll(() => inGuide<string>(other, `return root.querySelector('[data-testid=guide-fill-child]')?.value ?? 'none'`)).toBe('');
  await other.close();
  await two.close();
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans] });
});

test('a hidden file input is filled only with its own visible label beside it; a decoy label elsewhere does not count', async ({ ext }) => {
  const page = await openDocumentForm(ext);
  // The portal's file input hidden, and a visible label for it far away from its field.
  await page.evaluate(() => {
    const input = document.getElementById('id_file') as HTMLInputElement;
    input.style.display = 'none';
    for (const l of Array.from(document.querySelectorAll(`label[for=id_file]`))) l.remove();
    const decoy = document.createElement('label');
    decoy.htmlFor = 'id_file';
    decoy.textContent = 'Документ';
    document.body.prepend(decoy);
  });
  await clickInGuide(page, 'guide-fill');
  await waitForGuideElement(page, 'guide-fill-result');
  expect((await formValues(page))['id_file']).toBe('0');
  expect(await guideText(page, 'guide-fill-result')).toMatch(/Документ \(скан\): (не нашёл поле|пропущено)/);
  await page.close();

  // With its own label in the same field (the usual styled «Выбрать файл»), it is filled.
  const ok = await openDocumentForm(ext);
  await ok.evaluate(() => {
    const input = document.getElementById('id_file') as HTMLInputElement;
    input.style.display = 'none';
    const label = document.createElement('label');
    label.htmlFor = 'id_file';
    label.textContent = 'Выбрать файл';
    label.className = 'ui button';
    input.after(label);
  });
  await clickInGuide(ok, 'guide-fill');
  await waitForGuideElement(ok, 'guide-fill-result');
  expect((await formValues(ok))['id_file']).toBe('1');
  await ok.close();
});

// A failure in the middle of a fill (undone and said) is tested in tests/unit/guide/engine-fill.test.ts:
// in a browser, an exception in a portal's own event listener never reaches the code that fired
// the event, so no page can make a fill throw; a scan that cannot be decoded can.

test('no step while the page is loading: no red Т-10 before the certificate block arrives, no К-2 behind «Загрузка…»', async ({ ext }) => {
  /** Every `data-step` value the guide's host takes, recorded in the page from the start. */
  const record = async (page: Page) =>
    page.addInitScript(() => {
      const w = window as unknown as { __steps: string[] };
      w.__steps = [];
      new MutationObserver(() => {
        const v = document.querySelector('pfdo-guide')?.getAttribute('data-step') ?? '';
        if (v && w.__steps[w.__steps.length - 1] !== v) w.__steps.push(v);
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-step'], childList: true });
    });
  const tver = await ext.context.newPage();
  await record(tver);
  await tver.goto('https://sgo.tvobr.ru/angular/school/mysettings/?delay=1500');
  await waitForStep(tver, 'sgo.get-certificate', 20_000);
  expect(await tver.evaluate(() => (window as unknown as { __steps: string[] }).__steps)).toEqual(['sgo.get-certificate']);
  await tver.close();

  const kuz = await ext.context.newPage();
  await record(kuz);
  await kuz.goto(`${CERT}?reset=1&state=logged-in&delay=2500`);
  await waitForStep(kuz, 'cabinet.add-document', 20_000);
  expect(await kuz.evaluate(() => (window as unknown as { __steps: string[] }).__steps)).toEqual(['cabinet.add-document']);
  await waitForHighlight(kuz);
  await kuz.close();
});
