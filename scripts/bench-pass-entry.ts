// Bundled into a replica page by `npm run bench` (scripts/bench.ts): the guide's reading of a page
// timed in the page's own world, where many repeats can share one timed span (a content script's
// and a page's `performance.now()` are coarsened to 0.1 ms, too coarse for one pass on a small page).
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { flowKeys, recogniseDetailed } from '@/utils/guide/recognise';
import { locate } from '@/utils/guide/locate';
import { OBSERVE, PageIndex, withIndex } from '@/utils/guide/page-index';
import { LOADING_KEYS, pageIsLoading } from '@/utils/guide/loading';

const flows = { sgo: sgoFlow, cabinet: cabinetFlow };
type FlowId = keyof typeof flows;

/**
 * One pass with the given page model: every step's conditions, whether the page says it is
 * loading when the step is new (as the engine asks on a first pass), then the step's control located.
 */
function passWith(index: PageIndex, flowId: FlowId, newStep = false): string | null {
  return withIndex(index, () => {
    const found = recogniseDetailed(flows[flowId], document, location.href).step;
    if (newStep && found) pageIsLoading(document);
    if (found?.target) locate(found.target, document);
    return found?.id ?? null;
  });
}

/** A new page model, as the content script makes it at start. */
function freshIndex(flowId: FlowId): PageIndex {
  const index = new PageIndex(document);
  index.expect([...flowKeys(flows[flowId]), ...LOADING_KEYS]);
  return index;
}


const api = {
  /** The first pass on a page not read yet (a new page model each time): ms per pass, averaged over `repeat`. */
  firstPass(flowId: FlowId, repeat = 1): { ms: number; step: string | null } {
    let step: string | null = null;
    const t0 = performance.now();
    for (let i = 0; i < repeat; i++) step = passWith(freshIndex(flowId), flowId, true);
    return { ms: (performance.now() - t0) / repeat, step };
  },
  /** The floor: one bare TreeWalker walk over the page's text nodes, ms averaged over `repeat`. */
  floor(repeat = 1): number {
    let chars = 0;
    const t0 = performance.now();
    for (let i = 0; i < repeat; i++) {
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let t = w.nextNode(); t; t = w.nextNode()) chars += (t as Text).data.length;
    }
    return chars >= 0 ? (performance.now() - t0) / repeat : 0;
  },
  /**
   * `count` changes, each an element appended to `where` (an id), each read from the observer's
   * records into the page model as the engine does (`note`); a pass only when the model says one
   * is needed. Returns ms in all and the passes run.
   */
  changes(flowId: FlowId, where: string, count: number): { ms: number; passes: number } {
    const index = freshIndex(flowId);
    passWith(index, flowId);
    const observer = new MutationObserver(() => undefined);
    observer.observe(document.documentElement, OBSERVE);
    const box = document.getElementById(where) ?? document.body;
    let passes = 0;
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      box.append(document.createElement('i'));
      if (index.note(observer.takeRecords())) {
        passes++;
        passWith(index, flowId);
      }
    }
    const ms = performance.now() - t0;
    observer.disconnect();
    return { ms, passes };
  },
};
(globalThis as unknown as { __pfdoBench: typeof api }).__pfdoBench = api;
