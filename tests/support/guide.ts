import type { CDPSession, Frame, Page } from '@playwright/test';
import { waitUntilStill } from '../../utils/training/settle';

/**
 * Test access to the guide's panel, which lives in a **closed** shadow root: page scripts (and
 * Playwright's locators, which run as page scripts) cannot see into it. Tests reach it the way
 * DevTools does — the Chrome DevTools Protocol resolves the host's closed shadow root
 * (`DOM.describeNode` with `pierce`) to an object and calls functions on it
 * (`Runtime.callFunctionOn`). Clicks are real input events at the element's centre
 * (`page.mouse`), so they are trusted like a person's, as the panel requires.
 *
 * On the training portal the guide runs in a frame that is an extension page; there the guide
 * hands its root to the frame's window (`pfdoTrainingRoot`), see {@link inTrainingGuide}.
 */

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

type RemoteResult = { result: { value?: unknown; objectId?: string }; exceptionDetails?: { exception?: { description?: string }; text?: string } };

/**
 * Runs a function body in the page with `root` (the guide's shadow root) and `host` (its host
 * element) in scope, and `arg` as given; returns its JSON value (null when there is no guide).
 * @example await inGuide(page, `return root.querySelector('.pfdo-ring').hidden`)
 */
export async function inGuide<T = unknown>(page: Page, body: string, arg?: unknown): Promise<T> {
  const s = await cdp(page);
  const host = (await s.send('Runtime.evaluate', { expression: `document.querySelector('pfdo-guide')` })) as RemoteResult;
  const hostId = host.result.objectId;
  if (!hostId) return null as T;
  try {
    const { node } = (await s.send('DOM.describeNode', { objectId: hostId, depth: 0, pierce: true })) as {
      node: { shadowRoots?: Array<{ backendNodeId: number }> };
    };
    const sr = node.shadowRoots?.[0];
    if (!sr) return null as T;
    const { object } = (await s.send('DOM.resolveNode', { backendNodeId: sr.backendNodeId })) as { object: { objectId?: string } };
    if (!object.objectId) return null as T;
    try {
      const res = (await s.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function (arg) { const root = this; const host = this.host; ${body}\n}`,
        arguments: [{ value: arg ?? null }],
        returnByValue: true,
        awaitPromise: true,
      })) as RemoteResult;
      if (res.exceptionDetails) throw new Error(`inGuide: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
      return res.result.value as T;
    } finally {
      await s.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => undefined);
    }
  } finally {
    await s.send('Runtime.releaseObject', { objectId: hostId }).catch(() => undefined);
  }
}

/** A selector inside the panel: `guide-fill` means `[data-testid=guide-fill]`; anything else is CSS. */
const sel = (s: string) => (/^guide-[\w-]+$/.test(s) ? `[data-testid=${s}]` : s);

/** What the panel code shows: an element's text, visibility, box, and its checked state. */
export interface GuideElement {
  text: string;
  visible: boolean;
  checked: boolean | null;
  disabled: boolean;
  box: { x: number; y: number; width: number; height: number };
}

/** Reads one element of the panel (the first match), or null when there is none. */
export function guideElement(page: Page, selector: string): Promise<GuideElement | null> {
  return inGuide<GuideElement | null>(
    page,
    `const e = root.querySelector(arg); if (!e) return null;
     const r = e.getBoundingClientRect(); const cs = getComputedStyle(e);
     const visible = r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
     const text = (n) => n.nodeType === 3 ? n.data : n.nodeName === 'STYLE' ? '' : Array.from(n.childNodes, text).join('');
     return { text: text(e).replace(/\\s+/g, ' ').trim(), visible, checked: 'checked' in e ? e.checked : null, disabled: !!e.disabled,
       box: { x: r.left, y: r.top, width: r.width, height: r.height } };`,
    sel(selector),
  );
}

/** How many elements of the panel match. */
export function guideCount(page: Page, selector: string): Promise<number> {
  return inGuide<number>(page, `return root.querySelectorAll(arg).length;`, sel(selector)).then((n) => n ?? 0);
}

/** The panel's visible words (the whole shadow root without its styles), whitespace folded. */
export function guideText(page: Page, selector = ':host'): Promise<string> {
  return inGuide<string>(
    page,
    `const start = arg === ':host' ? root : root.querySelector(arg); if (!start) return '';
     const text = (n) => n.nodeType === 3 ? n.data : n.nodeName === 'STYLE' ? '' : Array.from(n.childNodes, text).join(' ');
     return text(start).replace(/\\s+/g, ' ').trim();`,
    sel(selector),
  ).then((t) => t ?? '');
}

/** Waits until an element of the panel is there and visible; returns it. */
export async function waitForGuideElement(page: Page, selector: string, timeout = 10_000): Promise<GuideElement> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const e = await guideElement(page, selector).catch(() => null);
    if (e?.visible) return e;
    if (Date.now() > deadline) throw new Error(`the panel shows no ${selector} within ${timeout} ms`);
    await page.waitForTimeout(50);
  }
}

/**
 * Clicks an element of the panel as a person would: scrolls it into view inside the panel,
 * then a real mouse click at its centre (a trusted event).
 */
export async function clickInGuide(page: Page, selector: string, timeout = 10_000): Promise<void> {
  await waitForGuideElement(page, selector, timeout);
  await inGuide(page, `root.querySelector(arg)?.scrollIntoView({ block: 'nearest' });`, sel(selector));
  // The panel may be moving (it is placed again when the page changes): click where it has settled.
  const deadline = Date.now() + timeout;
  let e = await waitForGuideElement(page, selector, timeout);
  for (;;) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const again = await waitForGuideElement(page, selector, timeout);
    if (JSON.stringify(again.box) === JSON.stringify(e.box) || Date.now() > deadline) break;
    e = again;
  }
  await page.mouse.click(e.box.x + e.box.width / 2, e.box.y + e.box.height / 2);
}

/**
 * Waits in the page until the guide's ring and panel and any dialog stop moving
 * (`waitUntilStill` of utils/training/settle.ts, run with the closed root in hand).
 */
export async function stillInGuide(page: Page, opts: { frames?: number; timeout?: number } = {}): Promise<{ still: boolean; frames: number; ms: number }> {
  const r = await inGuide<{ still: boolean; frames: number; ms: number } | null>(page, `return (${waitUntilStill.toString()})({ ...arg, root });`, opts);
  return r ?? (await page.evaluate(waitUntilStill, opts));
}

// ---------- the training portal (the guide in an extension-page frame) ----------

/**
 * Runs a function body in a training frame with `root`/`host` in scope: the training guide hands
 * its shadow root to its own frame's window (an extension page, not a portal page).
 */
export function inTrainingGuide<T = unknown>(frame: Frame, body: string, arg?: unknown): Promise<T> {
  return frame.evaluate(
    ([b, a]) => {
      const root = (window as unknown as { pfdoTrainingRoot?: ShadowRoot }).pfdoTrainingRoot;
      if (!root) return null;
      return new Function('root', 'host', 'arg', b as string)(root, root.host, a);
    },
    [body, arg ?? null] as const,
  ) as Promise<T>;
}

/** The text of an element of the training frame's panel (`guide-code` → `[data-testid=guide-code]`). */
export function trainingGuideText(frame: Frame, selector: string): Promise<string> {
  return inTrainingGuide<string>(frame, `const e = root.querySelector(arg); return e ? e.textContent.replace(/\\s+/g, ' ').trim() : '';`, sel(selector)).then((t) => t ?? '');
}

/**
 * Clicks an element of the training frame's panel with a real mouse click (the frame's offset
 * on the training page added).
 */
export async function clickInTrainingGuide(page: Page, frame: Frame, frameSelector: string, selector: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let c: { x: number; y: number } | null = null;
  while (!c) {
    c = await inTrainingGuide<{ x: number; y: number } | null>(
      frame,
      `const e = root.querySelector(arg); if (!e) return null; e.scrollIntoView({ block: 'nearest' }); const r = e.getBoundingClientRect();
       return r.width ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;`,
      sel(selector),
    ).catch(() => null);
    if (!c) {
      if (Date.now() > deadline) throw new Error(`the training panel shows no ${selector}`);
      await page.waitForTimeout(50);
    }
  }
  const box = (await page.locator(frameSelector).boundingBox())!;
  await page.mouse.click(box.x + c.x, box.y + c.y);
}
