import { test, expect } from '../support/fixtures';
import { openReplicaPage, waitForStep } from '../support/browser';
import { matrixBundle } from '../support/matrix-bundle';
import { pages as sgoPages } from '../../replicas/sgo/pages';
import { pages as cabinetPages } from '../../replicas/cabinet/pages';
import type { ReplicaPage } from '../../replicas/types';
import { reportPages } from '../../replicas/reports';

/**
 * Page recognition as a matrix: on every replica page state, exactly the expected step's
 * recogniser is true (so every other step's is false), checked in the page itself; and the
 * running content script shows that step.
 */
const bundle = matrixBundle();

for (const [flowId, list] of [
  // With the pages rebuilt from users' page descriptions (replicas/reports.ts).
  ['sgo', [...sgoPages, ...reportPages('sgo', 'sgo.tvobr.ru')]],
  ['cabinet', [...cabinetPages, ...reportPages('cabinet', 'cabinet.ruobr.ru')]],
] as const) {
  test.describe(`recognition matrix: ${flowId}`, () => {
    for (const p of list) {
      test(`${p.name} → ${p.expectStep ?? 'no step'}`, async ({ ext }) => {
        const page = await ext.context.newPage();
        await page.goto(`${new URL(p.url).origin}/?reset=1&delay=0`).catch(() => undefined);
        await openReplicaPage(page, p);
        await page.addScriptTag({ content: bundle });
        const matching = await page.evaluate((f) => (globalThis as any).__pfdoMatrix(f), flowId);
        expect(matching, `steps matching ${p.url}`).toEqual(p.expectStep ? [p.expectStep] : []);
        if (p.expectStep) await waitForStep(page, p.expectStep);
        await page.close();
      });
    }
  });
}
