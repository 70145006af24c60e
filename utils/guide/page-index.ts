/**
 * The page model of the guide (issue 11): what the locators ask of a page, kept current from the
 * MutationObserver's records instead of read anew on every pass.
 *
 * - **Words.** For every key word a locator looks for (the longest word of its text or label,
 *   `locate.ts`), the text nodes whose data contains it. A key is read from the whole page once,
 *   the first time it is asked for; after that, only added subtrees and changed text are tested.
 * - **What a pass looked at.** Every element and text node a pass examined (candidates, the text
 *   nodes holding key words) and their ancestors. A change elsewhere — a node added or removed
 *   under an element no pass looked at, holding no key word and no element a locator could take
 *   (controls, buttons, dialogs, labels, styles…), or an attribute of such an element — cannot
 *   change which step the page shows, and {@link PageIndex.note} says so: the engine then skips
 *   the recognition pass and only redraws the ring.
 *
 * Limits, honestly: a style rule that hides an element through a change far from it (`:has()`,
 * sibling combinators across subtrees no pass looked at) is noticed only on the next change that
 * touches what the guide watches.
 */

import { INVISIBLE } from './text';

/**
 * Folded data of a text node for substring matching: lower case, «ё» as «е», invisible
 * characters removed (whitespace kept as it is).
 */
export function foldData(data: string): string {
  return data.toLowerCase().replace(/ё/g, 'е').replace(INVISIBLE, '');
}

/**
 * Elements whose arrival can change what a locator finds even without a key word: controls,
 * clickable things, labels, dialogs, headings, named or toggling elements, and the page's styles.
 * Flows' own CSS hints are added as they are asked for ({@link PageIndex.watchSelector}).
 */
const STRUCTURAL = [
  'a[href]', 'button', 'input', 'select', 'textarea', 'label', 'summary', 'details', 'dialog', 'option', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'style', 'link', 'iframe', 'img', 'svg',
  '[role]', '[onclick]', '[tabindex]', '[title]', '[aria-label]', '[aria-labelledby]', '[aria-modal]', '[aria-controls]', '[aria-owns]',
  '[aria-expanded]', '[aria-haspopup]', '[data-toggle]', '[data-bs-toggle]', '[data-target]', '[data-bs-target]', '[contenteditable]',
  '.modal', '.modal-dialog', '.btn', '.button', '.dropdown', '.select2', '.chosen-container', '.ui',
].join(', ');

/** Tags a locator may take without any attribute: the bare tags of {@link STRUCTURAL}, `A` and SVG's lower-case `svg`. */
const STRUCTURAL_TAGS = new Set(['A', 'svg', ...STRUCTURAL.split(', ').filter((s) => /^\w+$/.test(s)).map((s) => s.toUpperCase())]);

/** A `Node.compareDocumentPosition` bit: the other node follows. */
const FOLLOWING = 4;

/** Sorts nodes into document order (in place). */
function inDocumentOrder<T extends Node>(xs: T[]): T[] {
  return xs.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
}

/**
 * `querySelectorAll` of a selector list, one part at a time: the same elements in document order.
 * Blink answers a one-part selector led by a tag or class from its element collections, but tests
 * every element against every part of a list: on a page of 100 000 elements
 * `input[type=submit], input[type=button]` took 2.1 ms, each part alone 0.3 ms (measured
 * 03.12.2026). The list is split at commas outside parentheses; a list with quotes or nested
 * parentheses is asked whole. When more than one part finds elements, their union is sorted.
 * @param root the document or an element
 * @param sel a selector list, e.g. `button, [role=button]`
 */
export function queryEach(root: Document | Element, sel: string): Element[] {
  const parts = sel.split(/,(?![^(]*\))/);
  if (parts.length < 2 || /["'\\]|\([^)]*\(/.test(sel)) return Array.from(root.querySelectorAll(sel));
  const lists = parts.map((p) => Array.from(root.querySelectorAll(p))).filter((l) => l.length);
  return lists.length > 1 ? inDocumentOrder([...new Set(lists.flat())]) : (lists[0] ?? []);
}

/** Escapes a word for a regular expression. */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A prefix tree of words: each character to the rest; `''` marks a word's end. */
type Trie = Map<string, Trie>;

/**
 * One regular expression that finds any of the (folded) keys in raw text: the keys as a prefix
 * tree (`сертификат|сертификата` → `с…т`, a shared prefix tested once), each letter as its lower
 * and upper case («е» also as «ё», «Ё», as `foldData` folds it). Without the `i` flag, whose
 * Unicode case folding made the first reading of a page ~2.5× slower than the tree (measured on
 * 100 000 text nodes). A pre-test only: a text node it finds is folded and tested key by key.
 * @param keys folded keys (lower case, «е» for «ё»), non-empty
 * @param cased whether the text is raw (letters in both cases) or already folded
 * @returns the pattern's source, without flags
 */
export function keysPattern(keys: Iterable<string>, cased: boolean): string {
  const root: Trie = new Map();
  for (const k of keys) {
    let node = root;
    for (const c of k) node = node.get(c) ?? node.set(c, new Map()).get(c)!;
    node.set('', new Map());
  }
  const letter = (c: string): string => {
    const e = escape(c);
    if (!cased) return e;
    if (c === 'е') return '[еЕёЁ]';
    const up = c.toUpperCase();
    return up === c || up.length !== 1 ? e : `[${e}${escape(up)}]`;
  };
  const emit = (node: Trie): string => {
    if (node.has('')) return ''; // a shorter key is enough: any text holding the longer holds it
    const alts = [...node].map(([c, rest]) => letter(c) + emit(rest));
    return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
  };
  return emit(root);
}

/**
 * The attributes whose changes the guide's MutationObserver reports (its `attributeFilter`): the
 * ones that change what a person sees or what a locator takes. A selector naming another
 * attribute (`[aria-controls]`, `a[href^="#"]`…) cannot be kept current from the records, and
 * {@link PageIndex.elements} queries it anew on each pass.
 */
export const OBSERVED_ATTRIBUTES = ['class', 'style', 'hidden', 'open', 'disabled', 'aria-hidden', 'value', 'role', 'type', 'aria-modal', 'aria-label', 'title', 'placeholder'] as const;

/** The MutationObserver options the page model is kept current from (as the guide's engine observes). */
export const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: [...OBSERVED_ATTRIBUTES] };

/**
 * The incremental page model of one document (see the module comment). Not used outside the
 * guide's passes: other callers of `locate` read the page directly.
 */
export class PageIndex {
  /** key word → text nodes of the page whose folded data contains it (may hold nodes since removed; pruned when read). */
  readonly #keys = new Map<string, Set<Text>>();
  /** Any key, to test a text quickly before testing each key. */
  #anyKey: RegExp | null = null;
  /** Key words announced or asked for and not read from the page yet. */
  readonly #pending = new Set<string>();
  /** Nodes the current or last pass examined. */
  #seen = new Set<Node>();
  /** Elements where a text search of the current or last pass stopped for holding too much text. */
  #bounded = new Set<Node>();
  /** {@link seen} and all their ancestors; computed when first needed after a pass. */
  #watched: Set<Node> | null = null;
  /**
   * Targets of changes found not to touch what the last pass examined ({@link touches}), per
   * kind: bit 1 without, bit 2 with text removed. Cleared by each pass. A node that moves into
   * what a pass examined does so by a change there, which runs a pass; so a target once found
   * apart stays apart until then (a burst of changes in one list reads its ancestors once).
   * Weak: a node the page drops between passes is not kept alive by it.
   */
  #apart = new WeakMap<Node, number>();
  readonly #selectors = new Set<string>();
  /** selector → the page's elements that match it (may hold elements since removed; pruned when read) and their document-order list while unchanged. */
  readonly #matching = new Map<string, { set: Set<Element>; list: Element[] | null }>();
  #structural = STRUCTURAL;
  /** Tags an element may match without any attribute: {@link STRUCTURAL_TAGS} and those named by watched selectors. */
  readonly #bareTags = new Set(STRUCTURAL_TAGS);
  #inPass = false;
  /** True until a pass has run over everything {@link note} was told. */
  stale = true;

  readonly #observed: readonly string[] | null;

  /** Per selector: whether every attribute it names is reported by the observer. */
  readonly #trackable = new Map<string, boolean>();

  /**
   * @param doc the page's document
   * @param observed the attributes whose changes {@link note} is told of (default
   *   {@link OBSERVED_ATTRIBUTES}; `null`: every attribute)
   */
  constructor(
    readonly doc: Document,
    observed: readonly string[] | null = OBSERVED_ATTRIBUTES,
  ) {
    this.#observed = observed;
  }

  /** Opens a pass: what it examines replaces what the last pass examined. */
  beginPass(): void {
    this.#inPass = true;
    this.#seen = new Set();
    this.#bounded = new Set();
    this.#watched = null;
    this.#apart = new WeakMap();
  }

  /** Closes a pass: the model is current. */
  endPass(): void {
    this.#inPass = false;
    this.stale = false;
  }

  /** Records that the current pass examined an element or node (its changes will matter). */
  see(n: Node): void {
    if (this.#inPass) this.#seen.add(n);
  }

  /** Records that a text search of the current pass stopped at an element holding too much text. */
  bound(el: Element): void {
    if (this.#inPass) this.#bounded.add(el);
  }

  /**
   * Adds a CSS selector a locator matches elements by (a flow's `css` hint), so that an element
   * of it arriving counts as a change that matters.
   * @param sel a selector list, e.g. `.gosbutton, .esia-login`
   */
  watchSelector(sel: string): void {
    if (this.#selectors.has(sel)) return;
    try {
      this.doc.createDocumentFragment().querySelector(sel);
    } catch {
      return;
    }
    this.#selectors.add(sel);
    for (const m of sel.matchAll(/(?:^|[\s,>+~(])([a-zA-Z][\w-]*)/g)) this.#bareTags.add(m[1].toUpperCase());
    this.#structural = [STRUCTURAL, ...this.#selectors].join(', ');
  }

  /**
   * The page's elements matching a selector, in document order, as `querySelectorAll` gives
   * them; registers the selector (one native query, then kept current from the changes). A
   * selector naming an attribute the observer does not report is queried anew each time.
   * @param sel a selector list, e.g. `button, [role=button]`
   */
  elements(sel: string): Element[] {
    let track = this.#trackable.get(sel);
    if (track === undefined) {
      const observed = this.#observed;
      track = !observed || [...sel.matchAll(/\[\s*([\w-]+)/g)].every((a) => observed.includes(a[1].toLowerCase()));
      this.#trackable.set(sel, track);
    }
    if (!track) {
      // Its attributes may change without a record: read it as it is now.
      this.watchSelector(sel);
      return queryEach(this.doc, sel);
    }
    let m = this.#matching.get(sel);
    if (!m) {
      this.watchSelector(sel);
      const all = queryEach(this.doc, sel);
      m = { set: new Set(all), list: all };
      this.#matching.set(sel, m);
    }
    const list = m.list;
    if (list && list.every((el) => el.isConnected)) return list;
    for (const el of m.set) if (!el.isConnected || el.ownerDocument !== this.doc) m.set.delete(el);
    return (m.list = inDocumentOrder([...m.set]));
  }

  /** Adds the elements of an added subtree to the selectors' lists. */
  #addElements(n: Node): void {
    if (n.nodeType !== 1 || !this.#matching.size) return;
    const el = n as Element;
    for (const [sel, m] of this.#matching) {
      const found = el.matches(sel) ? [el] : [];
      if (el.firstElementChild) found.push(...Array.from(el.querySelectorAll(sel)));
      for (const f of found) {
        if (m.set.has(f)) continue;
        m.set.add(f);
        m.list = null;
      }
    }
  }

  /** Re-tests an element whose attributes changed against the selectors. */
  #retestElement(el: Element): void {
    for (const [sel, m] of this.#matching) {
      const has = el.matches(sel);
      if (has === m.set.has(el)) continue;
      if (has) m.set.add(el);
      else m.set.delete(el);
      m.list = null;
    }
  }

  /**
   * Announces key words before the first pass (e.g. every key of a flow), so that one walk over
   * the page finds them all.
   * @param keys folded words (see `searchKeys` in ./locate.ts)
   */
  expect(keys: Iterable<string>): void {
    for (const k of keys) if (k && !this.#keys.has(k)) this.#pending.add(k);
  }

  /**
   * The text nodes of the page (or of `scope`) whose folded data contains `key`, in document
   * order. A key not known yet is read from the whole page, together with every other announced
   * key, in one walk.
   * @param key a folded word (lower case, «ё» as «е»), e.g. `сертификат`
   * @param scope the document or an element of it
   */
  nodesWith(key: string, scope: Document | Element): Text[] {
    if (!this.#keys.has(key)) {
      this.#pending.add(key);
      this.#readPending();
    }
    const set = this.#keys.get(key)!;
    const out: Text[] = [];
    for (const t of set) {
      if (!t.isConnected || t.ownerDocument !== this.doc) {
        set.delete(t);
        continue;
      }
      this.see(t);
      if (scope === this.doc || scope.contains(t)) out.push(t);
    }
    return inDocumentOrder(out);
  }

  /**
   * Reads the announced keys from the whole page in one walk. Each text node is tested once with
   * one expression on its raw data (any key in either case, «е» matching «ё», or an invisible
   * character that folding would drop; {@link keysPattern}); only the few that pass are folded
   * and tested per key.
   */
  #readPending(): void {
    const keys = [...this.#pending];
    this.#pending.clear();
    const sets = keys.map(() => new Set<Text>());
    const quick = new RegExp(`${keysPattern(keys, true)}|${INVISIBLE.source}`);
    const walker = this.doc.createTreeWalker(this.doc, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const data = (n as Text).data;
      if (!quick.test(data)) continue;
      const f = foldData(data);
      for (let i = 0; i < keys.length; i++) if (f.includes(keys[i])) sets[i].add(n as Text);
    }
    keys.forEach((k, i) => this.#keys.set(k, sets[i]));
    this.#anyKey = new RegExp(keysPattern(this.#keys.keys(), false));
  }

  /**
   * Tests a text node against every key; adds it to or removes it from the keys' lists.
   * @returns whether any list changed
   */
  #retest(t: Text): boolean {
    if (!this.#anyKey) return false;
    const f = foldData(t.data);
    const any = this.#anyKey.test(f);
    let changed = false;
    for (const [key, set] of this.#keys) {
      const has = any && f.includes(key);
      if (has !== set.has(t)) {
        changed = true;
        if (has) set.add(t);
        else set.delete(t);
      }
    }
    return changed;
  }

  /**
   * Indexes the text of an added subtree.
   * @param type `n.nodeType`, already read by the caller (every DOM read costs in the isolated world)
   * @param first `n.firstChild`, already read by the caller
   * @returns whether a key's list changed
   */
  #addSubtree(n: Node, type: number, first: Node | null): boolean {
    if (type === 3) return this.#retest(n as Text);
    if ((type !== 1 && type !== 11) || !first) return false;
    let changed = false;
    const walker = this.doc.createTreeWalker(n, 4 /* NodeFilter.SHOW_TEXT */);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (this.#retest(t as Text)) changed = true;
    return changed;
  }

  /**
   * Whether an added or removed node is, or holds, an element a locator could take.
   * @param type `n.nodeType`, already read by the caller
   * @param first `n.firstChild`, already read by the caller
   */
  #structuralIn(n: Node, type: number, first: Node | null): boolean {
    if (type !== 1) return false;
    const el = n as Element;
    // Most added nodes are bare wrappers: no attribute, no child, a tag no locator takes.
    const child = first && el.firstElementChild;
    if (!child && !el.hasAttributes()) {
      const tag = el.tagName;
      if (!this.#bareTags.has(tag) && !this.#bareTags.has(tag.toUpperCase())) return false;
    }
    return el.matches(this.#structural) || (!!child && el.querySelector(this.#structural) !== null);
  }

  /** The nodes the last pass examined and all their ancestors. */
  #watchedNodes(): Set<Node> {
    if (this.#watched) return this.#watched;
    const w = new Set<Node>();
    for (const n of this.#seen) {
      for (let e: Node | null = n; e && !w.has(e); e = e.parentNode) w.add(e);
    }
    return (this.#watched = w);
  }

  /**
   * Whether a change at `target` may change what the last pass decided: `target` is, or is an
   * ancestor of, something the pass examined (its attributes decide visibility, its children
   * its neighbours), or lies inside an element the pass examined (its text and look are that
   * element's); `shrinks`: the change may remove text (a removal, a text change) under an element
   * a text search stopped at for holding too much text.
   */
  #touches(target: Node, shrinks: boolean): boolean {
    const bit = shrinks ? 2 : 1;
    const apart = this.#apart.get(target) ?? 0;
    if (apart & bit) return false;
    if (this.#watchedNodes().has(target)) return true;
    for (let e: Node | null = target; e; e = e.parentNode) {
      if (this.#seen.has(e) || (shrinks && this.#bounded.has(e))) return true;
    }
    this.#apart.set(target, apart | bit);
    return false;
  }

  /**
   * Brings the model up to date with a batch of DOM changes.
   * @param records the MutationObserver's records (the guide's own nodes already left out)
   * @returns true when the changes may change what the guide shows (a pass is needed); false
   *   when they touched only parts of the page no locator looks at
   */
  note(records: readonly MutationRecord[]): boolean {
    let matters = this.stale;
    // Each property of a record or node is read once: in the guide's isolated world every DOM
    // read crosses into the browser (a burst of 1 000 changes is 1 000 calls of this).
    for (const r of records) {
      const type = r.type;
      const target = r.target;
      if (type === 'characterData') {
        if (this.#retest(target as Text)) matters = true;
        if (!matters && this.#touches(target, true)) matters = true;
        continue;
      }
      if (type === 'attributes') {
        if (this.#matching.size && target.nodeType === 1) this.#retestElement(target as Element);
        if (!matters && ((target as Element).matches?.(this.#structural) || this.#touches(target, false))) matters = true;
        continue;
      }
      const added = r.addedNodes;
      for (let i = 0, len = added.length; i < len; i++) {
        const n = added[i];
        const t = n.nodeType;
        const first = n.firstChild;
        if (this.#addSubtree(n, t, first)) matters = true;
        if (this.#structuralIn(n, t, first)) {
          matters = true;
          this.#addElements(n);
        }
      }
      const removed = r.removedNodes;
      const len = removed.length;
      if (!matters && this.#touches(target, len > 0)) matters = true;
      for (let i = 0; !matters && i < len; i++) {
        const n = removed[i];
        if (this.#structuralIn(n, n.nodeType, n.firstChild)) matters = true;
      }
    }
    if (matters) this.stale = true;
    return matters;
  }
}

/** The model of the pass running now (set by {@link withIndex}); null outside the guide's passes. */
let live: PageIndex | null = null;

/**
 * Runs `fn` (one pass of the guide) with `index` as the page model that `locate` asks.
 * @returns what `fn` returns
 */
export function withIndex<T>(index: PageIndex, fn: () => T): T {
  const outer = live;
  live = index;
  index.beginPass();
  try {
    return fn();
  } finally {
    index.endPass();
    live = outer;
  }
}

/** The page model of the running pass for a document, if any. */
export function liveIndex(doc: Document): PageIndex | null {
  return live && live.doc === doc ? live : null;
}
