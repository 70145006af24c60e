/**
 * Whether the page is still loading, as a person sees it: a visible spinner or a «Загрузка…»
 * line. While it is, the guide does not name a step (a half-rendered page looks like an earlier
 * step or a problem). Read from what is on screen — busy regions, progress bars, loader-like
 * class names, the word «Загрузка» — not from any one portal's markup.
 */
import { isVisible } from './visible';
import { textNodesWith } from './locate';

/**
 * The words a loading line has (folded): its text nodes are asked of the page model, which the
 * engine tells of them at start (read in the same walk as the flow's words).
 */
export const LOADING_KEYS = ['загруз', 'подожд'];

/**
 * Elements that may announce loading: ARIA busy regions and progress bars, and classes holding
 * «load» or «spinner» (then kept only if {@link LOADER_CLASS} says so). Queried one selector at a
 * time: on a page of 100 000 elements a list of five `[class*=…]` selectors cost 8.5 ms, these
 * four queries 3.8 ms (measured 03.12.2026).
 * (Not `queryEach` of page-index.ts: the class filter applies to the class selectors' matches only.)
 */
const LOADER_QUERIES = ['[aria-busy=true]', '[role=progressbar]', '[class*=load]', '[class*=spinner]'];

/** Loader-like class names (`loader`, `apploader`, `preloader`, `loading`, `spinner`…), not `download` or `upload`. */
const LOADER_CLASS = /loader|loading|spinner|preload/;

/** Texts of a loading line («Загрузка…», «Загрузка...», «Идёт загрузка», «Подождите…»), compared whole. */
const LOADING_TEXT = /^(?:ид[её]т загрузка|загрузка|загружается|подождите|пожалуйста, подождите)[.…\s]*$/i;

/**
 * Whether something on the page says it is loading and is visible (has a box and is not hidden).
 * A loader class on the `<html>`/`<body>` element alone does not count (pages keep such classes).
 * Reads the page model's text nodes with {@link LOADING_KEYS} first (no walk of its own during a
 * pass), then, if no loading line shows, four selector queries; the engine asks only when the
 * step it would show changes.
 * @param doc the page's document
 */
export function pageIsLoading(doc: Document): boolean {
  // The words first: the page model has them already, and a loading line is the common loader.
  for (const n of LOADING_KEYS.flatMap((k) => textNodesWith(k, doc))) {
    if (n.data.length > 40) continue;
    const el = n.parentElement;
    if (!el || el.closest('script, style, template, noscript')) continue;
    const t = (el.textContent ?? '').trim();
    if (t.length <= 40 && LOADING_TEXT.test(t) && isVisible(el) && hasBox(el)) return true;
  }
  for (const sel of LOADER_QUERIES) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      if (el === doc.documentElement || el === doc.body || (sel.startsWith('[class') && !LOADER_CLASS.test(el.getAttribute('class')!))) continue;
      if (isVisible(el) && hasBox(el)) return true;
    }
  }
  return false;
}

function hasBox(el: Element): boolean {
  if (el.ownerDocument.documentElement.getClientRects().length === 0) return true; // no layout (jsdom)
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}
