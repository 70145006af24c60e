import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { openReplicaPage, seedProfile, waitForStep, type ExtensionBrowser } from '../support/browser';
import { pressPanel, waitForHighlight } from '../support/walk';
import { FAMILY } from '../support/family';
import { sgoFlow } from '../../utils/flows/sgo';
import { cabinetFlow } from '../../utils/flows/cabinet';
import { pages as sgoPages } from '../../replicas/sgo/pages';
import { pages as cabinetPages } from '../../replicas/cabinet/pages';
import type { Flow } from '../../utils/guide/types';
import { guideElement, inGuide, waitForGuideElement } from '../support/guide';

/**
 * The panel never hides what the user must see: on every recognisable step of both flows (the
 * list comes from the flows), at 1366×768 and 1280×720, with normal and «Крупный текст», the
 * panel's box intersects neither the outlined control (the ring) nor the dialog or form that
 * holds it; after «Заполнить», the same holds and the list of filled fields is on screen.
 *
 * The holder is found here independently of the product (`utils/guide/holder.ts`), from what the
 * replicas are known to use: the nearest `dialog`/`[role=alertdialog]`/Bootstrap `.modal-dialog`/
 * Fomantic `.ui.modal`, else the nearest `form` not taller than 70 % of the window.
 */
test.describe.configure({ mode: 'parallel' });

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];

type Box = { left: number; top: number; right: number; bottom: number };
type Measure = { ring: Box | null; holder: Box | null; holderName: string; panel: Box; mode: string; list: Box | null; viewport: { w: number; h: number } };

const overlap = (a: Box, b: Box) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

/** Reads the ring, the holder of the outlined control, the panel and its fill list (viewport px). */
async function measure(page: Page): Promise<Measure> {
  const inPanel = await inGuide<{ ring: Box | null; panel: Box; mode: string; list: Box | null }>(
    page,
    `const box = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
     const ringEl = root.querySelector('.pfdo-ring');
     const panel = root.querySelector('[data-testid=guide-panel]');
     const listEl = root.querySelector('[data-testid=guide-fill-result]');
     return { ring: ringEl && !ringEl.hidden ? box(ringEl.getBoundingClientRect()) : null, panel: box(panel.getBoundingClientRect()),
       mode: panel.getAttribute('data-mode') ?? '', list: listEl ? box(listEl.getBoundingClientRect()) : null };`,
  );
  const inPage = await page.evaluate((ring) => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const host = document.querySelector('pfdo-guide')!;
    let holder: Box | null = null;
    let holderName = '';
    if (ring) {
      const x = (ring.left + ring.right) / 2;
      const y = (ring.top + ring.bottom) / 2;
      const target = document.elementsFromPoint(x, y).find((e) => e.tagName !== 'PFDO-GUIDE' && !host.contains(e));
      const dialog = target?.closest('dialog, [role=alertdialog], .modal-dialog, .ui.modal');
      const form = target?.closest('form');
      const formOk = form && form.getBoundingClientRect().height <= 0.7 * innerHeight;
      const h = dialog ?? (formOk ? form : null);
      if (h) {
        holder = box(h.getBoundingClientRect());
        holderName = `${h.tagName.toLowerCase()}${h.id ? `#${h.id}` : ''}.${Array.from(h.classList).join('.')}`;
      }
    }
    return { holder, holderName, viewport: { w: innerWidth, h: innerHeight } };
  }, inPanel.ring);
  return { ...inPanel, ...inPage };
}

/** Waits until the ring, the panel and the holder stop moving (transitions, modal animations). */
async function settled(page: Page): Promise<Measure> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const m = await measure(page);
    const now = JSON.stringify(m);
    if (now === last) return m;
    last = now;
    await page.waitForTimeout(60);
  }
  return measure(page);
}

async function setLarge(ext: ExtensionBrowser, page: Page, large: boolean): Promise<void> {
  const [sw] = ext.context.serviceWorkers();
  await sw.evaluate(async (on) => {
    const storage = (globalThis as any).chrome.storage.local;
    const got = (await storage.get('presentation')).presentation ?? {};
    await storage.set({ presentation: { ...got, large: on } });
  }, large);
  await expect(page.locator('pfdo-guide')).toHaveAttribute('data-large', String(large));
}

/** Checks the panel against the ring and the holder in every size and text size. */
async function checkAll(ext: ExtensionBrowser, page: Page, label: string, afterFill: boolean): Promise<string[]> {
  const problems: string[] = [];
  for (const large of [false, true]) {
    await setLarge(ext, page, large);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const m = await settled(page);
      const where = `${label} ${size.width}×${size.height}${large ? ' крупный' : ''}${afterFill ? ' после «Заполнить»' : ''} (${m.mode})`;
      if (m.panel.right - m.panel.left <= 0) problems.push(`${where}: no panel`);
      if (m.panel.left < 0 || m.panel.top < 0 || m.panel.right > m.viewport.w || m.panel.bottom > m.viewport.h) problems.push(`${where}: panel off screen ${JSON.stringify(m.panel)}`);
      if (m.ring && overlap(m.panel, m.ring)) problems.push(`${where}: panel covers the outlined control`);
      if (m.holder && overlap(m.panel, m.holder)) problems.push(`${where}: panel covers ${m.holderName}`);
      if (afterFill) {
        if (!m.list) problems.push(`${where}: no list of filled fields`);
        else if (m.list.top < Math.max(0, m.panel.top) - 1 || m.list.top > Math.min(m.viewport.h, m.panel.bottom) - 16) problems.push(`${where}: the list of filled fields is out of sight`);
      }
    }
  }
  return problems;
}

const FLOWS: Array<[Flow, typeof sgoPages]> = [
  [sgoFlow, sgoPages],
  [cabinetFlow, cabinetPages],
];

test.beforeAll(async ({ ext }) => {
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans], activeChildId: 'child-artem' });
});

for (const [flow, pages] of FLOWS) {
  for (const step of flow.steps.filter((s) => s.when)) {
    test(`panel clear of the control and its dialog/form: ${step.code} ${step.id}${step.fill ? ' (and after «Заполнить»)' : ''}`, async ({ ext }) => {
      const p = pages.find((x) => x.expectStep === step.id && x.method !== 'POST') ?? pages.find((x) => x.expectStep === step.id);
      expect(p, `a replica page for ${step.id}`).toBeTruthy();
      const page = await ext.context.newPage();
      await page.setViewportSize(SIZES[0]);
      await openReplicaPage(page, p!);
      await waitForStep(page, step.id);
      if (step.target) await waitForHighlight(page);
      const problems = await checkAll(ext, page, `${step.code}`, false);
      if (step.fill) {
        await pressPanel(page, 'guide-fill');
        await waitForGuideElement(page, 'guide-fill-result');
        problems.push(...(await checkAll(ext, page, `${step.code}`, true)));
      }
      await setLarge(ext, page, false);
      await page.close();
      expect(problems).toEqual([]);
    });
  }
}

test('the user moves the panel (button and drag by the header); the side survives reloads, for that portal only', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  const side = () => page.locator('pfdo-guide').getAttribute('data-panel-side');
  const panelCentreX = async () => {
    const b = (await guideElement(page, 'guide-panel'))!.box;
    return b.x + b.width / 2;
  };
  // A page with nothing outlined near the corners: the panel starts on the right.
  await page.goto('https://cabinet.ruobr.ru/login/?reset=1&delay=0');
  await waitForStep(page, 'cabinet.login');
  await waitForHighlight(page);
  await expect.poll(side).toBe('right');
  await pressPanel(page, 'guide-move');
  await expect.poll(side).toBe('left');
  expect(await panelCentreX()).toBeLessThan(683);
  await page.reload();
  await waitForStep(page, 'cabinet.login');
  await expect.poll(side).toBe('left');

  // Drag by the header back to the right (real pointer input).
  const headBox = (await guideElement(page, '.pfdo-head'))!.box;
  const head = { x: headBox.x + 40, y: headBox.y + headBox.height / 2 };
  await page.mouse.move(head.x, head.y);
  await page.mouse.down();
  for (let x = head.x; x < head.x + 900; x += 90) await page.mouse.move(x, head.y);
  await page.mouse.up();
  await expect.poll(side).toBe('right');
  expect(await panelCentreX()).toBeGreaterThan(683);
  await page.reload();
  await waitForStep(page, 'cabinet.login');
  await expect.poll(side).toBe('right');

  // The other portal keeps its own choice (none: automatic, right).
  await pressPanel(page, 'guide-move');
  await expect.poll(side).toBe('left');
  const tver = await ext.context.newPage();
  await tver.setViewportSize({ width: 1366, height: 768 });
  await tver.goto('https://sgo.tvobr.ru/authorize/login?delay=0');
  await waitForStep(tver, 'sgo.login');
  await waitForHighlight(tver);
  await expect.poll(() => tver.locator('pfdo-guide').getAttribute('data-panel-side')).toBe('right');
  await tver.close();
  await page.close();
  // Back to automatic for the other tests of this browser.
  const [sw] = ext.context.serviceWorkers();
  await sw.evaluate(() => (globalThis as any).chrome.storage.local.remove('panelSide:cabinet'));
});
