import type { Page } from '@playwright/test';
import { waitForStep } from './browser';

/** One recorded moment of a walk: which step, its code and instruction, and a screenshot. */
export interface WalkShot {
  flow: string;
  stepId: string;
  code: string;
  title: string;
  instruction: string;
  file?: string;
  note?: string;
}

/** Called at each step; the demo saves a screenshot, tests may ignore it. */
export type OnStep = (page: Page, shot: WalkShot) => Promise<void>;

/** Reads what the panel shows (inside the guide's shadow root). */
export async function panelInfo(page: Page): Promise<{ stepId: string; code: string; title: string; instruction: string; target: string }> {
  // No named inner functions here: tsx would wrap them in a `__name` helper the page lacks.
  return page.evaluate(() => {
    const host = document.querySelector('pfdo-guide')!;
    const [code, title, instruction] = ['[data-testid=guide-code]', '.pfdo-title', '[data-testid=guide-instruction]'].map(
      (sel) => host.shadowRoot!.querySelector(sel)?.textContent?.trim() ?? '',
    );
    return { stepId: host.getAttribute('data-shown-step') ?? '', code, title, instruction, target: host.getAttribute('data-target') ?? '' };
  });
}

/** Waits until the step's control is found and the ring is drawn; returns the ring's centre. */
export async function waitForHighlight(page: Page, timeout = 10_000): Promise<{ x: number; y: number }> {
  await page.locator('pfdo-guide[data-target="found"]').waitFor({ state: 'attached', timeout });
  const handle = await page.waitForFunction(
    () => {
      const ring = document.querySelector('pfdo-guide')?.shadowRoot?.querySelector('.pfdo-ring') as HTMLElement | null;
      if (!ring || ring.hidden) return null;
      const r = ring.getBoundingClientRect();
      return r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    },
    null,
    { timeout },
  );
  return (await handle.jsonValue()) as { x: number; y: number };
}

/** Clicks whatever the guide has outlined, as a person following the highlight would. */
export async function clickHighlighted(page: Page): Promise<void> {
  const { x, y } = await waitForHighlight(page);
  await page.waitForTimeout(200); // let the ring's transition settle
  const again = await waitForHighlight(page);
  await page.mouse.click(again.x ?? x, again.y ?? y);
}

/** Presses a button of the panel by its test id (e.g. `guide-fill`, `guide-next`). */
export async function pressPanel(page: Page, testId: string): Promise<void> {
  await page.locator(`pfdo-guide >> [data-testid=${testId}]`).click();
}

async function record(page: Page, flow: string, onStep: OnStep | undefined, note?: string) {
  if (!onStep) return;
  const p = await panelInfo(page);
  await onStep(page, { flow, stepId: p.stepId, code: p.code, title: p.title, instruction: p.instruction, note });
}

/**
 * Walks the Tver flow on the replica as a parent with two children: login through the
 * Госуслуги button, the ФИО link (form POST), «Заполнить» on the «Дети» select, «Получить
 * сертификат», and the activation step.
 * @param base replica start URL (variants in the query), e.g. `https://sgo.tvobr.ru/?reset=1&children=2`
 */
export async function walkSgo(page: Page, base: string, onStep?: OnStep): Promise<string[]> {
  const seen: string[] = [];
  const at = async (id: string, note?: string) => {
    await waitForStep(page, id);
    await waitForHighlight(page).catch(() => undefined);
    seen.push(id);
    await record(page, 'sgo', onStep, note);
  };
  await page.goto(base);
  await at('sgo.login');
  await clickHighlighted(page);
  await at('sgo.open-settings');
  await clickHighlighted(page);
  await at('sgo.choose-child');
  await pressPanel(page, 'guide-fill');
  await page.locator('pfdo-guide >> [data-testid=guide-fill-result]').waitFor();
  await waitForHighlight(page);
  await record(page, 'sgo', onStep, 'После «Заполнить»: ребёнок выбран, рамка перешла на кнопку');
  await clickHighlighted(page);
  await at('sgo.done');
  await pressPanel(page, 'guide-next');
  await page.locator('pfdo-guide[data-shown-step="sgo.activation"]').waitFor({ state: 'attached' });
  seen.push('sgo.activation');
  await record(page, 'sgo', onStep);
  return seen;
}

/**
 * Walks the Kuzbass flow on the replica: Госуслуги login, «Дополнительное образование»,
 * the child's document (filled from the profile, scan included), the e-mail dialog (filled),
 * the confirmation letter's link, «Получение сертификата ПДО» (filled) and the certificate page.
 * @param base replica start URL, e.g. `https://cabinet.ruobr.ru/?reset=1`
 */
export async function walkCabinet(page: Page, base: string, onStep?: OnStep): Promise<string[]> {
  const seen: string[] = [];
  const origin = new URL(base).origin;
  const at = async (id: string, note?: string) => {
    await waitForStep(page, id);
    await waitForHighlight(page).catch(() => undefined);
    seen.push(id);
    await record(page, 'cabinet', onStep, note);
  };
  const fillAndRecord = async () => {
    await pressPanel(page, 'guide-fill');
    await page.locator('pfdo-guide >> [data-testid=guide-fill-result]').waitFor();
    await waitForHighlight(page);
    await record(page, 'cabinet', onStep, 'После «Заполнить»');
  };
  await page.goto(base);
  await at('cabinet.login');
  await clickHighlighted(page);
  await at('cabinet.services');
  await clickHighlighted(page);
  await at('cabinet.apply');
  await clickHighlighted(page);
  await at('cabinet.add-document');
  await clickHighlighted(page);
  await at('cabinet.document-form');
  await fillAndRecord();
  await clickHighlighted(page);
  await at('cabinet.submit-request');
  await clickHighlighted(page);
  await at('cabinet.email');
  await fillAndRecord();
  await clickHighlighted(page);
  await at('cabinet.check-mail');
  await page.goto(`${origin}/replica/mail/`);
  await page.locator('a[href*="/confirm/"]').first().click(); // the link in the letter
  await at('cabinet.get-certificate', 'Переход по ссылке из письма');
  await clickHighlighted(page);
  await at('cabinet.certificate-dialog');
  await fillAndRecord();
  await clickHighlighted(page);
  await at('cabinet.certificate');
  await pressPanel(page, 'guide-next');
  await page.locator('pfdo-guide[data-shown-step="cabinet.activation"]').waitFor({ state: 'attached' });
  seen.push('cabinet.activation');
  await record(page, 'cabinet', onStep);
  return seen;
}
