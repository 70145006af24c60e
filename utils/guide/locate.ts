import type { Locator, LocatorRole, Target } from './types';
import { fold, personText, sameWords, words } from './text';
import { fileFieldVisible, isVisible } from './visible';
import { LIST_WIDGETS, WIDGETS, shownControl } from './widget';
import { foldData, liveIndex, queryEach } from './page-index';

/** CSS selectors of each role, explicit and implicit (HTML-AAM), plus the portals' known dialog classes. */
const ROLE_SELECTORS: Record<LocatorRole, string> = {
  button: 'button, input[type=button], input[type=submit], input[type=reset], [role=button]',
  link: 'a[href], [role=link]',
  textbox:
    'input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=date], input[type=number], input[type=search], textarea, [role=textbox]',
  combobox: `select, ${LIST_WIDGETS}`,
  dialog: 'dialog, [role=dialog], [role=alertdialog], [aria-modal=true], .modal, .modal-dialog',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  tab: '[role=tab]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  file: 'input[type=file]',
  password: 'input[type=password]',
};

/** What a person would click: used to widen a text match to its clickable wrapper. */
const INTERACTIVE =
  'a, button, input, select, textarea, label, summary, [role=button], [role=link], [role=tab], [role=menuitem], [onclick], [ng-click], [tabindex], .button, .btn, .primary-button';

const CONTROLS = 'input:not([type=hidden]), select, textarea';

/** How many ancestors a text match may climb to reach its control. */
const CLIMB = 3;

/**
 * Finds the first visible element for a target (alternatives tried in order).
 * @param target one locator or a list of alternatives
 * @param root document or element to search in
 * @returns the element, or null when none is visible
 */
export function locate(target: Target | undefined, root: Document | Element = document): Element | null {
  if (!target) return null;
  const list = Array.isArray(target) ? target : [target];
  for (const loc of list) {
    const found = locateAll(loc, root);
    if (found.length) return found[0];
  }
  return null;
}

/**
 * Every visible element that satisfies all criteria of a locator, in document order.
 * @param loc the locator
 * @param root document or element to search in
 * @param shown false: hidden elements too (the scope given by `within` must still be visible)
 */
export function locateAll(loc: Locator, root: Document | Element = document, shown = true): Element[] {
  let scopes: Array<Document | Element> = [root];
  if (loc.within) {
    const alternatives = Array.isArray(loc.within) ? loc.within : [loc.within as Locator];
    scopes = [];
    for (const w of alternatives) {
      scopes = locateAll(w, root);
      if (scopes.length) break;
    }
    if (!scopes.length) return [];
  }
  const out: Element[] = [];
  const index = liveIndex(root.nodeType === 9 ? (root as Document) : root.ownerDocument!);
  if (loc.css) index?.watchSelector(loc.css);
  for (const scope of scopes) {
    for (const el of candidates(loc, scope)) {
      index?.see(el);
      if (!out.includes(el) && accepts(loc, el, shown)) out.push(el);
    }
  }
  return out;
}

/** Elements that may match, from the most telling criterion given. */
function candidates(loc: Locator, scope: Document | Element): Element[] {
  if (loc.label) return controlsByLabel(loc.label, scope);
  if (loc.text !== undefined || loc.textContains !== undefined) return byText(loc, scope);
  if (loc.title) {
    const t = fold(loc.title);
    return queryAll(scope, '[title], [aria-label]')
      .filter((el) => fold(el.getAttribute('title')) === t || fold(el.getAttribute('aria-label')) === t)
      .map((el) => widen(el, loc));
  }
  const base = loc.role ? ROLE_SELECTORS[loc.role] : loc.css;
  return base ? queryAll(scope, base) : [];
}

/** Checks every criterion of the locator on a candidate. */
function accepts(loc: Locator, el: Element, shown = true): boolean {
  if (loc.role && !el.matches(ROLE_SELECTORS[loc.role]) && !(loc.role === 'dialog' && isOverlay(el))) return false;
  if (loc.css && !el.matches(loc.css) && !el.closest(loc.css)) return false;
  if (loc.title) {
    const t = fold(loc.title);
    const own = fold(el.getAttribute('title')) === t || fold(el.getAttribute('aria-label')) === t;
    if (!own && !el.querySelector(`[title], [aria-label]`)) return false;
  }
  if (loc.text !== undefined && !loc.label && !sameWords(ownText(el), loc.text)) return false;
  if (loc.textContains !== undefined && !fold(ownText(el)).includes(fold(loc.textContains))) return false;
  if (loc.role === 'file') return el instanceof el.ownerDocument.defaultView!.HTMLInputElement && (!shown || fileFieldVisible(el));
  return !shown || isVisible(el);
}

/**
 * The text a person reads on the element (`personText` of ./text.ts: words separated at `<br>`
 * and block boundaries, no icons or hidden text), or the `value` of an input button.
 */
function ownText(el: Element): string {
  if (el instanceof el.ownerDocument.defaultView!.HTMLInputElement) return el.value || el.getAttribute('aria-label') || '';
  return personText(el);
}

/**
 * Innermost elements that say the wanted text, widened to their control. `text`: the element's
 * words are the wanted words in order (icons, emoji, symbols and punctuation aside); `textContains`:
 * the folded text contains the phrase (for messages).
 */
function byText(loc: Locator, scope: Document | Element): Element[] {
  const exact = loc.text !== undefined;
  const raw = (loc.text ?? loc.textContains)!;
  const want = fold(raw);
  const wantWords = words(raw);
  const says = exact ? (el: Element) => containsRun(words(ownText(el)), wantWords) : (el: Element) => fold(ownText(el)).includes(want);
  // A control says its text and little more; a message may be a paragraph.
  const found = innermostSaying(scope, wantWords, says, NOT_TEXT, exact ? raw.length * 4 + 200 : 5000);
  if (exact) {
    // Input buttons carry their text in `value`.
    for (const input of queryAll(scope, 'input')) {
      const type = (input as HTMLInputElement).type;
      if (type !== 'submit' && type !== 'button') continue;
      liveIndex(input.ownerDocument)?.see(input);
      if (sameWords((input as HTMLInputElement).value, raw)) found.push(input);
    }
  }
  return found.map((el) => widen(el, loc));
}

/**
 * A container on top of the page: fixed in the viewport (a modal's overlay or box built without
 * dialog markup or roles). The page's own `<body>`/`<html>` never count.
 */
function isOverlay(el: Element): boolean {
  const doc = el.ownerDocument;
  if (el === doc.body || el === doc.documentElement) return false;
  return doc.defaultView?.getComputedStyle(el).position === 'fixed';
}

/** The nearest overlay container holding the element, or null. */
function closestOverlay(el: Element): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (isOverlay(e)) return e;
  return null;
}

/** Whether `want` occurs in `have` as a run of consecutive words. */
function containsRun(have: string[], want: string[]): boolean {
  outer: for (let i = 0; i + want.length <= have.length; i++) {
    for (let j = 0; j < want.length; j++) if (have[i + j] !== want[j]) continue outer;
    return true;
  }
  return want.length === 0;
}

/**
 * Climbs from a matched text to the element a person would use: the nearest element of the
 * wanted role or selector (a dialog containing the text, the button holding a label), else the
 * clickable wrapper within a few levels whose text is the same.
 */
function widen(el: Element, loc: Locator): Element {
  const wanted = loc.role ? ROLE_SELECTORS[loc.role] : loc.css;
  if (wanted) return el.closest(wanted) ?? (loc.role === 'dialog' ? closestOverlay(el) : null) ?? el;
  let e: Element | null = el;
  for (let i = 0; e && i <= CLIMB; i++, e = e.parentElement) {
    if (e.matches(INTERACTIVE)) return e;
    if (loc.text !== undefined && e !== el && !sameWords(ownText(e), ownText(el))) break;
  }
  return el;
}

/**
 * Form controls named by a label text or one of its variants (label element, `aria-label`,
 * `aria-labelledby`, placeholder, or a label-like element in the control's own field). Words are
 * compared, so required-marks, colons and icons do not matter («Серия *:» says «Серия»).
 */
function controlsByLabel(label: string | readonly string[], scope: Document | Element): Element[] {
  const variants = typeof label === 'string' ? [label] : label;
  const out: Element[] = [];
  const add = (c: Element | null) => c && !out.includes(c) && out.push(c);
  for (const c of queryAll(scope, `${CONTROLS}, ${WIDGETS}`)) {
    if (variants.some((v) => sameWords(c.getAttribute('aria-label'), v) || sameWords(c.getAttribute('placeholder'), v))) add(c);
  }
  for (const v of variants) {
    const want = words(v);
    for (const l of innermostSaying(scope, want, (el) => containsRun(words(personText(el)), want), NOT_LABEL, v.length * 4 + 200)) {
      if (!sameWords(personText(l), v)) continue;
      add(controlFor(l));
    }
  }
  return out;
}

/**
 * The controls a person sees in a part of the page: visible native fields and widgets, a native
 * field hidden inside (or right beside) a widget counting as that widget.
 */
function fieldsIn(container: Element): Element[] {
  const out: Element[] = Array.from(container.querySelectorAll(WIDGETS)).filter((w) => !w.parentElement?.closest(WIDGETS) && isVisible(w));
  for (const c of Array.from(container.querySelectorAll(CONTROLS))) {
    if (c.closest(WIDGETS) || out.some((w) => w.contains(c))) continue;
    // A native list concealed behind its widget (select2 keeps it 1×1 px beside) is that widget.
    const shown = shownControl(c);
    if (shown !== c) {
      if (container.contains(shown) && !out.includes(shown)) out.push(shown);
    } else if (isVisible(c)) out.push(c);
  }
  return out;
}

/**
 * The control a label-like element names, paired as a person pairs them: `<label for>`, a wrapping
 * label, `aria-labelledby`, the field right after the label, or the smallest container that holds
 * the label and exactly one control or widget. Two or more controls there (the label's own field
 * cannot be told apart from the next one's) give null: nothing is written into a field that may
 * be the wrong one.
 */
function controlFor(l: Element): Element | null {
  const doc = l.ownerDocument;
  const lab = l.closest('label');
  if (lab) {
    const c = lab.htmlFor ? doc.getElementById(lab.htmlFor) : null;
    if (c) {
      const shown = shownControl(c);
      // A hidden file input behind its label is the file field (checked by the `file` role).
      if (isVisible(shown) || c.matches('input[type=file]')) return shown;
      // `for` names a field that is gone or hidden with no widget: pair as a person would, below.
    } else if (!lab.htmlFor) {
      const inner = lab.querySelectorAll(CONTROLS);
      if (inner.length === 1) return shownControl(inner[0]);
    }
  }
  const from: Element = lab ?? l;
  if (from.id) {
    const by = queryAll(doc, '[aria-labelledby]').filter((c) => (c.getAttribute('aria-labelledby') ?? '').split(/\s+/).includes(from.id));
    if (by.length === 1) return shownControl(by[0]);
  }
  // The next element after the label is its field (flat forms: label, field, label, field).
  const next = from.nextElementSibling;
  if (next && (next.matches(CONTROLS) || next.matches(WIDGETS)) && isVisible(next)) return shownControl(next);
  // …or the box right after it that holds one field and no words of its own (a form's column).
  if (next && isVisible(next)) {
    const inside = fieldsIn(next);
    if (inside.length === 1 && words(personText(next)).length === words(personText(inside[0])).length) return inside[0];
  }
  let container: Element | null = from.parentElement;
  for (let i = 0; container && i < CLIMB + 1; i++, container = container.parentElement) {
    const fields = fieldsIn(container);
    if (fields.length === 1) return fields[0];
    if (fields.length > 1) return null;
  }
  return null;
}

/** Elements whose text is not what a person reads as a control's text or label. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const NOT_LABEL = new Set([...NOT_TEXT, 'OPTION', 'SELECT', 'TEXTAREA']);

/** The text nodes of a scope with their folded data (lower case, ё → е, soft hyphens and zero-width characters gone). */
interface PageText {
  nodes: Text[];
  folded: string[];
}

/** Text of whole documents read once per recognition pass (see {@link withPageText}); null outside a pass. */
let passText: Map<Node, PageText> | null = null;

/**
 * Runs `fn` (a recognition pass: every step's conditions and the outline) reading each document's
 * text once, however many locators ask: the text nodes and their folded data are kept until `fn`
 * returns. The page must not change during `fn` (the guide's own nodes are in its shadow root).
 * @returns what `fn` returns
 */
export function withPageText<T>(fn: () => T): T {
  if (passText) return fn();
  passText = new Map();
  try {
    return fn();
  } finally {
    passText = null;
  }
}

/**
 * The elements of a scope matching a selector, in document order: from the guide's page model
 * during its passes when the scope is the whole document (the list is shared: do not change it),
 * else from `querySelectorAll`.
 */
function queryAll(scope: Document | Element, sel: string): Element[] {
  const index = scope.nodeType === 9 ? liveIndex(scope as Document) : null;
  return index ? index.elements(sel) : queryEach(scope, sel);
}

/**
 * Whether an element holds more than `max` characters of text (script and style included, as
 * `textContent`). Reads at most about `max` characters, not the whole subtree: a section of a
 * large page is not turned into one string.
 */
function textLongerThan(el: Element, max: number): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let n = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) if ((n += (t as Text).data.length) > max) return true;
  return false;
}

/**
 * The text nodes of a scope whose folded data contains `key`, in document order: from the
 * guide's page model during its passes (`page-index.ts`), else from one reading of the scope.
 * @param key a folded word (lower case, «е» for «ё»), e.g. `загруз`
 * @param scope the document or an element of it
 */
export function textNodesWith(key: string, scope: Document | Element): Text[] {
  const index = liveIndex(scope.nodeType === 9 ? (scope as Document) : scope.ownerDocument!);
  if (index && key) return index.nodesWith(key, scope);
  const { nodes, folded } = pageText(scope);
  const out: Text[] = [];
  for (let k = 0; k < nodes.length; k++) if (folded[k].length >= key.length && folded[k].includes(key)) out.push(nodes[k]);
  return out;
}

/** The scope's text nodes and folded data: from the pass's copy for a whole document, else read now. */
function pageText(scope: Document | Element): PageText {
  const cached = passText?.get(scope);
  if (cached) return cached;
  const doc = scope.nodeType === 9 ? (scope as Document) : scope.ownerDocument!;
  const walker = doc.createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
  const out: PageText = { nodes: [], folded: [] };
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = n.nodeValue;
    if (!data || !/\S/.test(data)) continue;
    out.nodes.push(n as Text);
    out.folded.push(foldData(data));
  }
  if (passText && scope.nodeType === 9) passText.set(scope, out);
  return out;
}

/**
 * The innermost elements that say the wanted words (`says`), in document order. One walk over the
 * text nodes finds those holding the longest wanted word; from each, the first ancestor that says
 * the words is taken (so text split over `<b>`/`<span>`/`<br>` is found). Cost grows with the
 * page's text, not with its depth.
 */
function innermostSaying(scope: Document | Element, wantWords: string[], says: (el: Element) => boolean, skip: Set<string>, maxText: number): Element[] {
  const key = longest(wantWords);
  const out: Element[] = [];
  const index = liveIndex(scope.nodeType === 9 ? (scope as Document) : scope.ownerDocument!);
  for (const node of textNodesWith(key, scope)) {
    let el = node.parentElement;
    for (let i = 0; el && i < 10; i++, el = el.parentElement) {
      if (skip.has(el.tagName)) break;
      // Far more text than wanted: no element from here up says just these words (a bounded
      // count instead of reading a whole section as a person would).
      if (textLongerThan(el, maxText)) {
        index?.bound(el);
        break;
      }
      index?.see(el);
      if (says(el)) {
        if (!out.includes(el)) out.push(el);
        break;
      }
      if (el === scope) break;
    }
  }
  // Innermost only: an ancestor reached from another word's node is not the element itself.
  return out.filter((el) => !out.some((o) => o !== el && el.contains(o)));
}

/** The longest of some words (the first of equals): the word a text search looks for first. */
function longest(ws: readonly string[]): string {
  return ws.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/**
 * The key words the text searches of some targets look for first (see {@link innermostSaying}):
 * the longest word of each `text` / `textContains` and of each label variant, their `within`
 * scopes included. The guide's page model reads them all in one walk over the page.
 * @param targets e.g. every target of a flow's steps
 * @returns folded words, e.g. `['сертификат', 'войти']`
 */
export function searchKeys(targets: Iterable<Target | undefined>): string[] {
  const out = new Set<string>();
  const visit = (t: Target | undefined): void => {
    if (!t) return;
    for (const loc of Array.isArray(t) ? t : [t as Locator]) {
      const texts = loc.label ? (typeof loc.label === 'string' ? [loc.label] : loc.label) : [loc.text ?? loc.textContains].filter((x): x is string => x !== undefined);
      for (const x of texts) {
        const k = longest(words(x));
        if (k) out.add(k);
      }
      visit(loc.within as Target | undefined);
    }
  };
  for (const t of targets) visit(t);
  return [...out];
}

/**
 * A target that exists but is hidden in a closed menu, dropdown, tab, `<details>` or collapsed
 * block, and the visible control that opens it, found as a person would: a control that says it
 * controls the hidden part (`aria-controls`, `data-(bs-)target`, `href="#…"`), the `<summary>` of a
 * closed `<details>`, the only toggle beside the hidden part (`aria-expanded`, `aria-haspopup`,
 * `.dropdown-toggle`, `data-toggle`), or the dropdown holding it. More than one such candidate, or none, gives null (nothing is outlined).
 * @param target the step's control
 * @returns the hidden control and its opener, or null
 */
export function locateOpener(target: Target | undefined, root: Document | Element = document): { el: Element; opener: Element } | null {
  if (!target) return null;
  for (const loc of Array.isArray(target) ? target : [target]) {
    const hidden = locateAll(loc, root, false);
    if (!hidden.length) continue;
    if (hidden.some((h) => isVisible(h))) return null;
    const openers = [...new Set(hidden.map(openerOf).filter((o): o is Element => !!o))];
    return openers.length === 1 ? { el: hidden[0], opener: openers[0] } : null;
  }
  return null;
}

/** Toggles a person recognises by their markup. */
const TOGGLE = '[aria-expanded], [aria-haspopup]:not([aria-haspopup=false]), .dropdown-toggle, [data-toggle], [data-bs-toggle], summary';

/** The visible control that shows a hidden element (see {@link locateOpener}), or null. */
function openerOf(el: Element): Element | null {
  const doc = el.ownerDocument;
  let part: Element = el;
  for (let e = el.parentElement; e && e !== doc.body && !isVisible(e); e = e.parentElement) part = e;
  const parent = part.parentElement;
  if (!parent || !isVisible(parent)) return null;
  const shown = (xs: Iterable<Element>) => [...new Set(Array.from(xs))].filter((x) => isVisible(x) && !part.contains(x));
  // Controls that name a hidden part by its id.
  const ids: string[] = [];
  for (let e: Element | null = el; e && e !== parent; e = e.parentElement) if (e.id) ids.push(e.id);
  const naming = queryAll(doc, '[aria-controls], [aria-owns], [data-target], [data-bs-target], a[href^="#"]');
  const names = (c: Element, id: string) =>
    `${c.getAttribute('aria-controls') ?? ''} ${c.getAttribute('aria-owns') ?? ''}`.split(/\s+/).includes(id) ||
    [c.getAttribute('data-target'), c.getAttribute('data-bs-target'), c.getAttribute('href')].includes(`#${id}`);
  for (const id of ids) {
    const by = shown(naming.filter((c) => names(c, id)));
    if (by.length === 1) return by[0];
    if (by.length > 1) return null;
  }
  const details = el.closest('details:not([open])');
  if (details) {
    const summary = details.querySelector(':scope > summary');
    return summary && isVisible(summary) ? summary : null;
  }
  const toggles = shown(Array.from(parent.children).filter((c) => c.matches(TOGGLE) || !!c.querySelector(TOGGLE)).map((c) => (c.matches(TOGGLE) ? c : c.querySelector(TOGGLE)!)));
  if (toggles.length === 1) return toggles[0];
  if (toggles.length > 1) return null;
  return parent.matches('.dropdown, .ui.dropdown, [aria-haspopup]:not([aria-haspopup=false])') ? parent : null;
}
