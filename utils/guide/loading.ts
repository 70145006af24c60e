/**
 * Whether the page is still loading, as a person sees it: a visible spinner or a «Загрузка…»
 * line. While it is, the guide does not name a step (a half-rendered page looks like an earlier
 * step or a problem). Read from what is on screen — busy regions, progress bars, loader-like
 * class names, the word «Загрузка» — not from any one portal's markup.
 */
import { isVisible } from './visible';

/** Elements that announce loading: ARIA busy regions and progress bars, and loader-like classes. */
const LOADER_SELECTOR =
  '[aria-busy=true], [role=progressbar], [class*=loader], [class*=loading], [class*=spinner], [class*=preload], [class*=apploader]';

/** Texts of a loading line («Загрузка…», «Загрузка...», «Идёт загрузка», «Подождите…»), compared whole. */
const LOADING_TEXT = /^(?:идет загрузка|ид[её]т загрузка|загрузка|загружается|подождите|пожалуйста, подождите)[.…\s]*$/i;

/**
 * Whether something on the page says it is loading and is visible (has a box and is not hidden).
 * A loader class on the `<html>`/`<body>` element alone does not count (pages keep such classes).
 * Costs one selector query and one walk over the text nodes; the engine asks only when the step
 * it would show changes.
 * @param doc the page's document
 */
export function pageIsLoading(doc: Document): boolean {
  for (const el of Array.from(doc.querySelectorAll(LOADER_SELECTOR))) {
    if (el === doc.documentElement || el === doc.body) continue;
    if (isVisible(el) && hasBox(el)) return true;
  }
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = n.nodeValue ?? '';
    if (data.length > 40 || !/загруз|подожд/i.test(data)) continue;
    const el = n.parentElement;
    if (!el || el.closest('script, style, template, noscript')) continue;
    const t = (el.textContent ?? '').trim();
    if (t.length <= 40 && LOADING_TEXT.test(t) && isVisible(el) && hasBox(el)) return true;
  }
  return false;
}

function hasBox(el: Element): boolean {
  if (el.ownerDocument.documentElement.getClientRects().length === 0) return true; // no layout (jsdom)
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}
