import type { Locator, LocatorRole, Target } from './types';
import { fold } from './text';
import { fileFieldVisible, isVisible } from './visible';

/** CSS selectors of each role, explicit and implicit (HTML-AAM), plus the portals' known dialog classes. */
const ROLE_SELECTORS: Record<LocatorRole, string> = {
  button: 'button, input[type=button], input[type=submit], input[type=reset], [role=button]',
  link: 'a[href], [role=link]',
  textbox:
    'input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=date], input[type=number], input[type=search], textarea, [role=textbox]',
  combobox: 'select, [role=combobox], [role=listbox]',
  dialog: 'dialog, [role=dialog], [role=alertdialog], .modal',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  tab: '[role=tab]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  file: 'input[type=file]',
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
 */
export function locateAll(loc: Locator, root: Document | Element = document): Element[] {
  let scopes: Array<Document | Element> = [root];
  if (loc.within) {
    scopes = locateAll(loc.within, root);
    if (!scopes.length) return [];
  }
  const out: Element[] = [];
  for (const scope of scopes) {
    for (const el of candidates(loc, scope)) {
      if (!out.includes(el) && accepts(loc, el)) out.push(el);
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
    return Array.from(scope.querySelectorAll('[title], [aria-label]'))
      .filter((el) => fold(el.getAttribute('title')) === t || fold(el.getAttribute('aria-label')) === t)
      .map((el) => widen(el, loc));
  }
  const base = loc.role ? ROLE_SELECTORS[loc.role] : loc.css;
  return base ? Array.from(scope.querySelectorAll(base)) : [];
}

/** Checks every criterion of the locator on a candidate. */
function accepts(loc: Locator, el: Element): boolean {
  if (loc.role && !el.matches(ROLE_SELECTORS[loc.role])) return false;
  if (loc.css && !el.matches(loc.css) && !el.closest(loc.css)) return false;
  if (loc.title) {
    const t = fold(loc.title);
    const own = fold(el.getAttribute('title')) === t || fold(el.getAttribute('aria-label')) === t;
    if (!own && !el.querySelector(`[title], [aria-label]`)) return false;
  }
  if (loc.text !== undefined && !loc.label && fold(ownText(el)) !== fold(loc.text)) return false;
  if (loc.textContains !== undefined && !fold(ownText(el)).includes(fold(loc.textContains))) return false;
  if (loc.role === 'file') return el instanceof el.ownerDocument.defaultView!.HTMLInputElement && fileFieldVisible(el);
  return isVisible(el);
}

/** The text a person reads on the element: text content, or `value` of input buttons. */
function ownText(el: Element): string {
  if (el instanceof el.ownerDocument.defaultView!.HTMLInputElement) return el.value || el.getAttribute('aria-label') || '';
  return el.textContent ?? '';
}

/** Innermost elements whose text equals (or contains) the wanted text, widened to their control. */
function byText(loc: Locator, scope: Document | Element): Element[] {
  const want = fold(loc.text ?? loc.textContains);
  const found = innermostContaining(scope, want, NOT_TEXT);
  if (loc.text !== undefined) {
    // Input buttons carry their text in `value`.
    for (const input of Array.from(scope.querySelectorAll('input[type=submit], input[type=button]'))) {
      if (fold((input as HTMLInputElement).value) === want) found.push(input);
    }
  }
  return found.map((el) => widen(el, loc));
}

/**
 * Climbs from a matched text to the element a person would use: the nearest element of the
 * wanted role or selector (a dialog containing the text, the button holding a label), else the
 * clickable wrapper within a few levels whose text is the same.
 */
function widen(el: Element, loc: Locator): Element {
  const wanted = loc.role ? ROLE_SELECTORS[loc.role] : loc.css;
  if (wanted) return el.closest(wanted) ?? el;
  let e: Element | null = el;
  for (let i = 0; e && i <= CLIMB; i++, e = e.parentElement) {
    if (e.matches(INTERACTIVE)) return e;
    if (loc.text !== undefined && e !== el && fold(ownText(e)) !== fold(ownText(el))) break;
  }
  return el;
}

/** Form controls named by a label text (label element, aria-label, placeholder, or a label-like element before the control). */
function controlsByLabel(label: string, scope: Document | Element): Element[] {
  const want = fold(label);
  const clean = (s: string) => fold(s).replace(/[\s:*★✱]+$/u, '').replace(/^[\s*★✱]+/u, '');
  const out: Element[] = [];
  for (const c of Array.from(scope.querySelectorAll(CONTROLS))) {
    if (clean(c.getAttribute('aria-label') ?? '') === want || clean(c.getAttribute('placeholder') ?? '') === want) out.push(c);
  }
  for (const l of innermostContaining(scope, want, NOT_LABEL)) {
    if (clean(l.textContent ?? '') !== want) continue;
    const c = controlFor(l);
    if (c && !out.includes(c)) out.push(c);
  }
  return out;
}

/** The control a label-like element names. */
function controlFor(l: Element): Element | null {
  const doc = l.ownerDocument;
  const lab = l.closest('label');
  if (lab) {
    if (lab.htmlFor) return doc.getElementById(lab.htmlFor);
    const inner = lab.querySelector(CONTROLS);
    if (inner) return inner;
  }
  let from: Element = lab ?? l;
  for (let i = 0; i < CLIMB && from.parentElement; i++) {
    const parent: Element = from.parentElement;
    for (const c of Array.from(parent.querySelectorAll(CONTROLS))) {
      if (from.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) return c;
    }
    from = parent;
  }
  return null;
}


/** Elements whose text is not what a person reads as a control's text or label. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const NOT_LABEL = new Set([...NOT_TEXT, 'OPTION', 'SELECT', 'TEXTAREA']);

/**
 * The innermost elements whose folded text contains `want`, in document order. One walk over
 * the text nodes finds those holding the longest word of `want`; from each, the first ancestor
 * whose whole text contains `want` is taken (so text split over `<b>`/`<span>` is found).
 * Cost grows with the page's text, not with its depth.
 */
function innermostContaining(scope: Document | Element, want: string, skip: Set<string>): Element[] {
  const key = want.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
  const doc = scope.nodeType === 9 ? (scope as Document) : scope.ownerDocument!;
  const walker = doc.createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Element[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = n.nodeValue;
    if (!data || data.length < key.length || !data.toLowerCase().replace(/ё/g, 'е').includes(key)) continue;
    let el = n.parentElement;
    for (let i = 0; el && i < 10; i++, el = el.parentElement) {
      if (skip.has(el.tagName)) break;
      if (fold(el.textContent).includes(want)) {
        if (!out.includes(el)) out.push(el);
        break;
      }
      if (el === scope) break;
    }
  }
  // Innermost only: an ancestor reached from another word's node is not the element itself.
  return out.filter((el) => !out.some((o) => o !== el && el.contains(o)));
}
