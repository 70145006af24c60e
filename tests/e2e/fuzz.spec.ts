import type { CDPSession, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { replicaReady, waitForStep } from '../support/browser';
import { matrixBundle } from '../support/matrix-bundle';
import { guideStats } from '../support/worlds';

/**
 * Seeded DOM fuzzing while the guide runs: on replica pages of both portals, a deterministic
 * PRNG (mulberry32; seed printed, override with PFDO_FUZZ_SEED) inserts, removes, moves and
 * replaces elements, changes text, toggles hidden/display/classes, opens and closes dialogs,
 * removes the guide's own host and pushes history states for ~8 s. Then:
 * - no uncaught exception in the page nor in the content script's world, no extension console error;
 * - exactly one `<pfdo-guide>`, attached;
 * - the engine kept up (passes grew; the step it shows is the one the recognisers give for the
 *   final DOM) yet stayed throttled (≤ 1 pass / MIN_PASS_GAP_MS of wall time + slack);
 * - listeners on window/document unchanged (± a small constant), JS heap after GC < 2×;
 * - after restoring the page (reload), the right step is recognised again.
 */

const FUZZ_MS = 8_000;
const MIN_PASS_GAP_MS = 100; // utils/guide/engine.ts
const GRACE_MS = 1500; // utils/guide/engine.ts
const BASE_SEED = Number(process.env.PFDO_FUZZ_SEED ?? 20261122);
const bundle = matrixBundle();

const CABINET_CERT = 'https://cabinet.ruobr.ru/services/dop/certificate/';
const cases = [
  { name: 'sgo settings, two children', flow: 'sgo', url: 'https://sgo.tvobr.ru/angular/school/mysettings/?children=2&delay=0', step: 'sgo.choose-child' },
  { name: 'cabinet request, document dialog open', flow: 'cabinet', url: `${CABINET_CERT}?reset=1&state=logged-in&open=document&delay=0`, step: 'cabinet.document-form' },
  { name: 'cabinet certificate', flow: 'cabinet', url: `${CABINET_CERT}4207000002/?reset=1&state=issued&delay=0`, step: 'cabinet.certificate' },
] as const;

/** Errors seen on a page: main-world exceptions, and anything thrown or logged by the extension. */
function collectErrors(page: Page, cdp: CDPSession, isolated: number[]) {
  const page_: string[] = [];
  const ext: string[] = [];
  page.on('pageerror', (e) => page_.push(String(e.stack ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && m.location().url.startsWith('chrome-extension://')) ext.push(m.text());
  });
  cdp.on('Runtime.exceptionThrown', (e) => {
    const d = e.exceptionDetails;
    const text = `${d.text} ${d.exception?.description ?? ''} @ ${d.url ?? ''}`;
    if (isolated.includes(d.executionContextId ?? -1) || (d.url ?? '').startsWith('chrome-extension://')) ext.push(text);
  });
  return { page: page_, ext };
}

/**
 * Listeners on window and document, in the page's world and in every isolated world (the content
 * script's listeners are only reported when asked from its own world).
 */
async function listenerCounts(cdp: CDPSession, isolated: number[]): Promise<{ window: number; document: number }> {
  const count = async (expression: string, contextId?: number) => {
    const r = await cdp.send('Runtime.evaluate', contextId ? { expression, contextId } : { expression }).catch(() => null);
    const objectId = r?.result.objectId;
    if (!objectId) return 0;
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId, depth: 0 });
    await cdp.send('Runtime.releaseObject', { objectId });
    return listeners.length;
  };
  const out = { window: 0, document: 0 };
  for (const ctx of [undefined, ...isolated]) {
    out.window += await count('window', ctx);
    out.document += await count('document', ctx);
  }
  return out;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** The mutator, run in the page's main world. Returns how many operations of each kind it made. */
function fuzz({ seed, ms }: { seed: number; ms: number }): Promise<Record<string, number>> {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(xs: ArrayLike<T>): T | undefined => (xs.length ? xs[Math.floor(rnd() * xs.length)] : undefined);
  const body = document.body;
  const original = body.cloneNode(true) as HTMLElement;
  const startSize = body.getElementsByTagName('*').length;
  // Words of the page itself (button and label texts), so mutations can make other steps look plausible.
  const words = Array.from(body.querySelectorAll('button, a, label, h1, h2, h3, .header, legend, th'))
    .map((e) => (e.textContent ?? '').trim())
    .filter((t) => t && t.length < 80);
  words.push('', 'Получить сертификат', 'Заявка подтверждена', 'Дети', 'Добавить документ', 'ошибка', '×');
  const classes = ['hidden', 'visible', 'active', 'show', 'in', 'd-none', 'disabled', 'ui modal', 'modal fade', 'transition', 'error'];
  const tags = ['div', 'span', 'button', 'a', 'p', 'label', 'input', 'select', 'h3', 'form', 'table', 'li'];
  const pool: Element[] = [];
  const counts: Record<string, number> = {};
  const els = () => Array.from(body.getElementsByTagName('*')).filter((e) => !/^(SCRIPT|STYLE|LINK)$/.test(e.tagName));
  let dialog: HTMLDialogElement | null = null;
  let n = 0;

  const ops: Array<[string, number, () => void]> = [
    ['insert', 14, () => {
      const parent = pick(els()) ?? body;
      const el = document.createElement(pick(tags)!);
      if (el instanceof HTMLButtonElement) el.type = 'button';
      if (el instanceof HTMLFormElement) el.addEventListener('submit', (e) => e.preventDefault());
      if (el instanceof HTMLSelectElement) el.append(new Option(pick(words)!), new Option(pick(words)!));
      else if (!(el instanceof HTMLInputElement)) el.textContent = pick(words)!;
      if (rnd() < 0.3) el.className = pick(classes)!;
      parent.insertBefore(el, pick(parent.children) ?? null);
    }],
    ['remove', 10, () => {
      const el = pick(els());
      if (!el) return;
      el.remove();
      if (pool.length < 40) pool.push(el);
    }],
    ['reinsert', 5, () => {
      const el = pool.splice(Math.floor(rnd() * pool.length), 1)[0];
      const parent = pick(els()) ?? body;
      if (el && !el.contains(parent)) parent.append(el);
    }],
    ['move', 10, () => {
      const el = pick(els());
      const to = pick(els()) ?? body;
      if (el && !el.contains(to)) to.insertBefore(el, pick(to.children) ?? null);
    }],
    ['text', 12, () => {
      const el = pick(els().filter((e) => e.childElementCount === 0 && !(e instanceof HTMLInputElement)));
      if (el) el.textContent = rnd() < 0.5 ? pick(words)! : `${el.textContent ?? ''} ${n}`;
    }],
    ['hidden', 8, () => {
      const el = pick(els()) as HTMLElement | undefined;
      if (el) el.hidden = !el.hidden;
    }],
    ['display', 8, () => {
      const el = pick(els()) as HTMLElement | undefined;
      if (el?.style) el.style.display = el.style.display === 'none' ? '' : pick(['none', 'block', 'inline', 'none'])!;
    }],
    ['class', 8, () => {
      const el = pick(els());
      if (el) for (const c of pick(classes)!.split(' ')) el.classList.toggle(c);
    }],
    ['attr', 4, () => {
      const el = pick(els()) as HTMLElement | undefined;
      if (!el) return;
      const name = pick(['disabled', 'aria-hidden', 'value', 'title', 'open'])!;
      if (el.hasAttribute(name)) el.removeAttribute(name);
      else el.setAttribute(name, name === 'title' ? pick(words)! : 'true');
    }],
    ['dialog', 4, () => {
      // A native modal dialog, and the replicas' own modals (Semantic UI / Bootstrap by classes).
      if (rnd() < 0.5) {
        if (dialog?.open) dialog.close();
        else {
          dialog ??= document.createElement('dialog');
          dialog.textContent = pick(words)!;
          if (!dialog.isConnected) body.append(dialog);
          dialog.showModal();
        }
        return;
      }
      const m = pick(document.querySelectorAll('.modal, .ui.modal, [role=dialog]:not(pfdo-guide *)')) as HTMLElement | undefined;
      if (!m) return;
      const open = m.classList.contains('visible') || m.classList.contains('show');
      m.classList.toggle('visible', !open);
      m.classList.toggle('active', !open);
      m.classList.toggle('show', !open);
      m.classList.toggle('hidden', open);
      m.style.display = open ? 'none' : 'block';
    }],
    ['replace', 3, () => {
      // Replace a subtree with a copy of a part of the original page (or, rarely, restore all of it).
      if (rnd() < 0.15) {
        body.replaceChildren(...Array.from((original.cloneNode(true) as HTMLElement).childNodes));
        return;
      }
      const el = pick(els());
      const src = pick(original.getElementsByTagName('*'));
      if (el && src) el.replaceWith(src.cloneNode(true));
    }],
    ['history', 3, () => {
      const r = rnd();
      if (r < 0.4) history.pushState({ n }, '', `${location.pathname}${location.search}#fuzz-${n}`);
      else if (r < 0.7) history.replaceState({ n }, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}fuzz=${n}`);
      else if (r < 0.85) history.pushState({ n }, '', `/fuzz/${n}/`);
      else window.dispatchEvent(new PopStateEvent('popstate', { state: { n } }));
    }],
    ['guide-host', 1, () => document.querySelector('pfdo-guide')?.remove()],
  ];
  const total = ops.reduce((s, o) => s + o[1], 0);

  return new Promise((done) => {
    const t0 = performance.now();
    const tick = () => {
      if (performance.now() - t0 >= ms) {
        pool.length = 0;
        if (dialog?.open) dialog.close();
        done(counts);
        return;
      }
      // Bursts of 1–5 changes per task, tasks 0–30 ms apart.
      for (let k = 1 + Math.floor(rnd() * 5); k > 0; k--, n++) {
        let r = rnd() * total;
        const op = ops.find((o) => (r -= o[1]) < 0) ?? ops[0];
        op[2]();
        counts[op[0]] = (counts[op[0]] ?? 0) + 1;
      }
      // Keep the page's size bounded: when it has grown 3×, put the original back.
      if (body.getElementsByTagName('*').length > 3 * startSize + 50) {
        body.replaceChildren(...Array.from((original.cloneNode(true) as HTMLElement).childNodes));
        counts.restore = (counts.restore ?? 0) + 1;
      }
      setTimeout(tick, Math.floor(rnd() * 30));
    };
    tick();
  });
}

test.describe('guide under DOM fuzzing', () => {
  cases.forEach((c, i) => {
    test(c.name, async ({ ext }) => {
      const seed = BASE_SEED + i;
      console.log(`fuzz "${c.name}": seed ${seed} (PFDO_FUZZ_SEED=${BASE_SEED})`);
      const page = await ext.context.newPage();
      const cdp = await ext.context.newCDPSession(page);
      const worlds: number[] = [];
      cdp.on('Runtime.executionContextCreated', (e) => {
        if (e.context.auxData?.type === 'isolated') worlds.push(e.context.id);
      });
      cdp.on('Runtime.executionContextsCleared', () => (worlds.length = 0));
      await cdp.send('Runtime.enable');
      const errors = collectErrors(page, cdp, worlds);

      await page.goto(`${new URL(c.url).origin}/?reset=1&delay=0`).catch(() => undefined);
      await page.goto(c.url);
      await replicaReady(page);
      await waitForStep(page, c.step);
      await page.addScriptTag({ content: bundle });
      await page.waitForTimeout(300);

      const listeners0 = await listenerCounts(cdp, worlds);
      const heap0 = await heapAfterGc(cdp);
      const stats0 = await guideStats(cdp, worlds);
      const t0 = Date.now();
      const counts = await page.evaluate(fuzz, { seed, ms: FUZZ_MS });
      const wall = Date.now() - t0;
      const stats1 = await guideStats(cdp, worlds);
      const passes = stats1.passes - stats0.passes;
      const ops = Object.values(counts).reduce((s, x) => s + x, 0);
      console.log(
        `  ${ops} changes in ${wall} ms ${JSON.stringify(counts)}; ${passes} passes, ` +
          `${(stats1.totalMs - stats0.totalMs).toFixed(0)} ms in passes, longest ${stats1.maxMs.toFixed(1)} ms`,
      );

      // Throttled yet keeping up: passes grew, but at most one per MIN_PASS_GAP_MS (+ the grace
      // re-checks, which run on their own timer, + a small slack).
      expect(passes).toBeGreaterThanOrEqual(Math.floor(wall / 1000));
      expect(passes).toBeLessThanOrEqual(Math.ceil(wall / MIN_PASS_GAP_MS + wall / GRACE_MS) + 5);

      // The host is there, once, attached (the fuzzer also removes it now and then).
      await expect.poll(() => page.evaluate(() => Array.from(document.querySelectorAll('pfdo-guide')).map((h) => h.isConnected))).toEqual([true]);

      // Kept up: once the page is still, the step shown is the one the recognisers give for the final DOM.
      await expect
        .poll(
          () =>
            page.evaluate(
              (flow) => {
                const matching: string[] = (globalThis as any).__pfdoMatrix(flow);
                const shown = document.querySelector('pfdo-guide')?.getAttribute('data-step') ?? '';
                return matching.length ? matching.includes(shown) : shown === '';
              },
              c.flow,
            ),
          { timeout: GRACE_MS + 3_000 },
        )
        .toBe(true);

      const listeners1 = await listenerCounts(cdp, worlds);
      const heap1 = await heapAfterGc(cdp);
      console.log(`  listeners window ${listeners0.window}→${listeners1.window}, document ${listeners0.document}→${listeners1.document}; heap ${(heap0 / 1024).toFixed(0)}→${(heap1 / 1024).toFixed(0)} KiB`);
      expect(Math.abs(listeners1.window - listeners0.window)).toBeLessThanOrEqual(2);
      expect(Math.abs(listeners1.document - listeners0.document)).toBeLessThanOrEqual(2);
      expect(heap1).toBeLessThan(2 * heap0);

      // The original content back: the right step again, one host.
      await page.goto(c.url);
      await replicaReady(page);
      await waitForStep(page, c.step);
      await expect(page.locator('pfdo-guide')).toHaveCount(1);

      expect(errors.page, 'uncaught exceptions in the page').toEqual([]);
      expect(errors.ext, 'errors from the extension').toEqual([]);
      await page.close();
    });
  });
});
