import type { Page } from '@playwright/test';
import { inGuide } from './guide';

/**
 * The two flows walked as a parent would (follow the outline, press «Заполнить», open the
 * letter's link), written once against a small {@link WalkDriver} so the same walks run in
 * Chromium (Playwright: e2e tests and `npm run demo`) and in firefox-esr (puppeteer-core over
 * WebDriver BiDi: `tests/firefox/`). Clicks are real input events at the outlined control's
 * position, never `element.click()` from a script.
 */

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

/** What a walk needs from a browser tab. Page functions are passed as source text (no closures). */
export interface WalkDriver {
  goto(url: string): Promise<void>;
  /** Evaluates an expression in the page (JSON result). */
  evaluate<T>(expression: string): Promise<T>;
  /**
   * Evaluates a function body with `host` (the guide's host element) and `root` (its shadow
   * root) in scope, e.g. `return root.querySelector('.pfdo-ring') !== null`.
   */
  inPanel<T>(body: string): Promise<T>;
  /** A real mouse click (trusted input) at viewport coordinates. */
  clickAt(x: number, y: number): Promise<void>;
  pause(ms: number): Promise<void>;
}

/** Waits until `probe` returns something other than null/undefined/false; returns it. */
async function until<T>(d: WalkDriver, what: string, probe: () => Promise<T | null | undefined | false>, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== null && v !== undefined && v !== false) return v as T;
      last = v;
    } catch (e) {
      last = e; // a navigation in progress destroys the context: try again
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await d.pause(100);
  }
}

const hostAttr = (d: WalkDriver, name: string) =>
  d.evaluate<string | null>(`document.querySelector('pfdo-guide')?.getAttribute(${JSON.stringify(name)}) ?? null`);

/** Waits until the guide recognises a step (its host's `data-step`). */
export async function driverWaitForStep(d: WalkDriver, stepId: string, timeout = 15_000): Promise<void> {
  try {
    await until(d, `step ${stepId}`, async () => (await hostAttr(d, 'data-step')) === stepId, timeout);
  } catch (e) {
    const where = await d.evaluate<string>(`location.pathname + location.search + ' shows ' + (document.querySelector('pfdo-guide')?.getAttribute('data-step') || 'no step')`).catch(() => '?');
    throw new Error(`${(e as Error).message}; ${where}`);
  }
}

/** Waits until the panel shows a step (also one opened with «Далее»: `data-shown-step`). */
export async function driverWaitForShown(d: WalkDriver, stepId: string, timeout = 15_000): Promise<void> {
  await until(d, `shown step ${stepId}`, async () => (await hostAttr(d, 'data-shown-step')) === stepId, timeout);
}

/** The ring's centre once the target is found and the ring is drawn and has stopped moving. */
export async function driverWaitForHighlight(d: WalkDriver, timeout = 10_000): Promise<{ x: number; y: number }> {
  let last = '';
  return until(
    d,
    'the outline',
    async () => {
      if ((await hostAttr(d, 'data-target')) !== 'found') return null;
      const c = await d.inPanel<{ x: number; y: number } | null>(`
        const ring = root.querySelector('.pfdo-ring');
        if (!ring || ring.hidden) return null;
        const r = ring.getBoundingClientRect();
        return r.width > 0 ? { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) } : null;`);
      const now = JSON.stringify(c);
      const stable = c && now === last; // the ring moves with a short transition
      last = now;
      return stable ? c : null;
    },
    timeout,
  );
}

/** Clicks whatever the guide has outlined, as a person following the outline would. */
export async function driverClickHighlighted(d: WalkDriver): Promise<void> {
  const { x, y } = await driverWaitForHighlight(d);
  await d.clickAt(x, y);
}

/**
 * Presses a panel button by its test id with a real click at its centre. When the panel is the
 * compact bar and the button is only in the whole panel, presses «Развернуть» first.
 */
export async function driverPressPanel(d: WalkDriver, testId: string): Promise<void> {
  const centre = (id: string) =>
    d.inPanel<{ x: number; y: number } | null>(`
      const b = root.querySelector('[data-testid=${id}]');
      if (!b) return null;
      b.scrollIntoView({ block: 'nearest' });
      const r = b.getBoundingClientRect();
      return r.width > 0 ? { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) } : null;`);
  if (!(await centre(testId)) && (await centre('guide-expand'))) {
    const e = (await centre('guide-expand'))!;
    await d.clickAt(e.x, e.y);
  }
  // The panel may be moving (placed again when the page changes): click where it has settled.
  let last = '';
  const c = await until(
    d,
    `panel button ${testId} at rest`,
    async () => {
      const now = await centre(testId);
      const key = JSON.stringify(now);
      const still = now && key === last;
      last = key;
      return still ? now : null;
    },
    10_000,
  );
  await d.clickAt(c.x, c.y);
}

/** What the panel shows (inside the guide's shadow root). */
export function driverPanelInfo(d: WalkDriver): Promise<{ stepId: string; code: string; title: string; instruction: string; target: string }> {
  return d.inPanel(`
    const text = (sel) => root.querySelector(sel)?.textContent?.trim() ?? '';
    return { stepId: host.getAttribute('data-shown-step') ?? '', code: text('[data-testid=guide-code]'), title: text('.pfdo-title'),
      instruction: text('[data-testid=guide-instruction]'), target: host.getAttribute('data-target') ?? '' };`);
}

/** Presses «Заполнить из профиля» and waits for the list of filled fields. */
async function driverFill(d: WalkDriver): Promise<void> {
  await driverPressPanel(d, 'guide-fill');
  try {
    await until(d, 'the list of filled fields', () => d.inPanel<boolean>(`return !!root.querySelector('[data-testid=guide-fill-result]')`));
  } catch (e) {
    const text = await d.inPanel<string>(`return root.querySelector('[data-testid=guide-panel]')?.textContent ?? ''`).catch(() => '?');
    throw new Error(`${(e as Error).message}; the panel says: ${text}`);
  }
}

/** Called at each step with what the panel shows; the demo saves a screenshot, tests may read the page. */
export type OnShot = (shot: WalkShot) => Promise<void>;

/**
 * Walks the Tver flow on the replica as a parent with two children: login through the
 * Госуслуги button, the ФИО link (form POST), «Заполнить» on the «Дети» select, «Получить
 * сертификат», and the activation step.
 * @param base replica start URL (variants in the query), e.g. `https://sgo.tvobr.ru/?reset=1&children=2`
 * @returns the step ids seen, in order
 */
export async function walkSgoWith(d: WalkDriver, base: string, onShot?: OnShot): Promise<string[]> {
  const seen: string[] = [];
  const record = async (note?: string) => {
    if (!onShot) return;
    const p = await driverPanelInfo(d);
    await onShot({ flow: 'sgo', stepId: p.stepId, code: p.code, title: p.title, instruction: p.instruction, note });
  };
  const at = async (id: string, note?: string) => {
    await driverWaitForStep(d, id);
    await driverWaitForHighlight(d).catch(() => undefined);
    seen.push(id);
    await record(note);
  };
  await d.goto(base);
  await at('sgo.login');
  await driverClickHighlighted(d);
  await at('sgo.open-settings');
  await driverClickHighlighted(d);
  await at('sgo.choose-child');
  await driverFill(d);
  await driverWaitForHighlight(d);
  await record('После «Заполнить»: ребёнок выбран, рамка перешла на кнопку');
  await driverClickHighlighted(d);
  await at('sgo.done');
  await driverPressPanel(d, 'guide-next');
  await driverWaitForShown(d, 'sgo.activation');
  seen.push('sgo.activation');
  await record();
  return seen;
}

/**
 * Walks the Kuzbass flow on the replica: Госуслуги login, «Дополнительное образование»,
 * the child's document (filled from the profile, scan included), the e-mail dialog (filled),
 * the confirmation letter's link, «Получение сертификата ПДО» (filled) and the certificate page.
 * @param base replica start URL, e.g. `https://cabinet.ruobr.ru/?reset=1`
 * @returns the step ids seen, in order
 */
export async function walkCabinetWith(d: WalkDriver, base: string, onShot?: OnShot): Promise<string[]> {
  const seen: string[] = [];
  const origin = new URL(base).origin;
  const record = async (note?: string) => {
    if (!onShot) return;
    const p = await driverPanelInfo(d);
    await onShot({ flow: 'cabinet', stepId: p.stepId, code: p.code, title: p.title, instruction: p.instruction, note });
  };
  const at = async (id: string, note?: string) => {
    await driverWaitForStep(d, id);
    await driverWaitForHighlight(d).catch(() => undefined);
    seen.push(id);
    await record(note);
  };
  const fillAndRecord = async () => {
    await driverFill(d);
    await driverWaitForHighlight(d);
    await record('После «Заполнить»');
  };
  await d.goto(base);
  await at('cabinet.login');
  await driverClickHighlighted(d);
  await at('cabinet.services');
  await driverClickHighlighted(d);
  await at('cabinet.apply');
  await driverClickHighlighted(d);
  await at('cabinet.add-document');
  await driverClickHighlighted(d);
  await at('cabinet.document-form');
  await fillAndRecord();
  await driverClickHighlighted(d);
  await at('cabinet.submit-request');
  await driverClickHighlighted(d);
  await at('cabinet.email');
  await fillAndRecord();
  await driverClickHighlighted(d);
  await at('cabinet.check-mail');
  // The letter in the training mailbox; its link is clicked as a person would.
  await d.goto(`${origin}/replica/mail/`);
  const link = await until(d, 'the letter\'s link', () =>
    d.evaluate<{ x: number; y: number } | null>(`(() => { const a = document.querySelector('a[href*="/confirm/"]'); if (!a) return null;
      a.scrollIntoView({ block: 'center' }); const r = a.getBoundingClientRect(); return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) }; })()`),
  );
  await d.clickAt(link.x, link.y);
  await at('cabinet.get-certificate', 'Переход по ссылке из письма');
  await driverClickHighlighted(d);
  await at('cabinet.certificate-dialog');
  await fillAndRecord();
  await driverClickHighlighted(d);
  await at('cabinet.certificate');
  await driverPressPanel(d, 'guide-next');
  await driverWaitForShown(d, 'cabinet.activation');
  seen.push('cabinet.activation');
  await record();
  return seen;
}

/** The steps {@link walkSgoWith} passes (two children: «Выбор ребёнка» instead of «Получить сертификат»). */
export const SGO_WALK = ['sgo.login', 'sgo.open-settings', 'sgo.choose-child', 'sgo.done', 'sgo.activation'];
/** The steps {@link walkCabinetWith} passes: the flow's whole main path. */
export const CABINET_WALK = [
  'cabinet.login',
  'cabinet.services',
  'cabinet.apply',
  'cabinet.add-document',
  'cabinet.document-form',
  'cabinet.submit-request',
  'cabinet.email',
  'cabinet.check-mail',
  'cabinet.get-certificate',
  'cabinet.certificate-dialog',
  'cabinet.certificate',
  'cabinet.activation',
];

// ---------- Playwright (Chromium) ----------

/** The walk driver for a Playwright page. */
export function playwrightDriver(page: Page): WalkDriver {
  return {
    async goto(url) {
      await page.goto(url);
    },
    evaluate: (expression) => page.evaluate(expression),
    inPanel: (body) => inGuide(page, body),
    async clickAt(x, y) {
      await page.mouse.click(x, y);
    },
    pause: (ms) => page.waitForTimeout(ms),
  };
}

/** Called at each step of a Playwright walk; the demo saves a screenshot, tests may read the page. */
export type OnStep = (page: Page, shot: WalkShot) => Promise<void>;

/** {@link walkSgoWith} in a Playwright page. */
export function walkSgo(page: Page, base: string, onStep?: OnStep): Promise<string[]> {
  return walkSgoWith(playwrightDriver(page), base, onStep && ((shot) => onStep(page, shot)));
}

/** {@link walkCabinetWith} in a Playwright page. */
export function walkCabinet(page: Page, base: string, onStep?: OnStep): Promise<string[]> {
  return walkCabinetWith(playwrightDriver(page), base, onStep && ((shot) => onStep(page, shot)));
}

/** Reads what the panel shows (inside the guide's shadow root). */
export function panelInfo(page: Page): ReturnType<typeof driverPanelInfo> {
  return driverPanelInfo(playwrightDriver(page));
}

/** Waits until the step's control is found and the ring is drawn and still; returns the ring's centre. */
export function waitForHighlight(page: Page, timeout = 10_000): Promise<{ x: number; y: number }> {
  return driverWaitForHighlight(playwrightDriver(page), timeout);
}

/** Clicks whatever the guide has outlined, as a person following the outline would. */
export function clickHighlighted(page: Page): Promise<void> {
  return driverClickHighlighted(playwrightDriver(page));
}

/** Presses a panel button by its test id with a real click (expanding the bar first if needed). */
export function pressPanel(page: Page, testId: string): Promise<void> {
  return driverPressPanel(playwrightDriver(page), testId);
}
