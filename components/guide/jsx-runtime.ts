/**
 * The guide panel's own JSX runtime and renderer, in place of Preact (which was a third of the
 * content script). A file opts in with the pragma `@jsxImportSource @/components/guide`.
 *
 * JSX gives plain descriptions: an element is `{ t: tag, p: props }`, a function component is
 * called at once (the panel has no component state or hooks: everything it shows comes from the
 * engine's signals and the host's layout), a fragment is the array of its children. {@link render}
 * brings a DOM subtree in line with a description, keeping every element whose tag stays at the
 * same place (so focus, a select's open state and the host's inline position styles survive a
 * render), and touching only what changed. Text is always set as text, never parsed as HTML.
 */

/** A described element: tag name and props (attributes, `on…` listeners, `children`, `ref`). */
export interface VNode {
  t: string;
  p: Props;
}

/** What may stand where a child goes: nothing (`null`, `undefined`, `false`, `true`), text, an element, or a list. */
export type Child = VNode | string | number | boolean | null | undefined | Child[];

type Props = Record<string, unknown> & { children?: Child };

/** Elements the renderer keeps: the props they were rendered with, their listeners. */
type Kept = Element & { _p?: Props; _l?: Record<string, (e: Event) => void> } & Record<string, unknown>;

/** JSX fragment: its children, flattened by {@link render}. */
export const Fragment = (p: { children?: Child }): Child => p.children;

/**
 * The JSX factory (automatic runtime): a description of an intrinsic element, or what a
 * function component returns for these props.
 * @param type tag name or function component
 * @param props the props, children included
 */
export function jsx(type: string | ((p: never) => Child), props: Props): Child {
  return typeof type === 'function' ? type(props as never) : { t: type, p: props };
}
export { jsx as jsxs, jsx as jsxDEV };

/** Props set as DOM properties after the children are in place (a select's value needs its options). */
const LIVE = ['value', 'checked', 'disabled', 'readOnly'];

/** One listener per event type and element; it calls the handler of the latest render. */
function listen(this: Kept, e: Event): void {
  this._l![e.type]?.(e);
}

/**
 * Renders a description into `parent`, replacing its children: elements of the same tag at the
 * same place are updated (attributes and listeners that changed since the last render; `value`,
 * `checked`, `disabled`, `readOnly` whenever the element's own differs), others are created;
 * nodes left over are removed. A `ref` is called once, with the element, when it is created.
 * @param parent element whose children the description stands for
 * @param kids the description (anything {@link Child} allows)
 */
export function render(parent: Element, kids: Child): void {
  const list: Array<VNode | string> = [];
  const flat = (c: Child) => {
    if (Array.isArray(c)) c.forEach(flat);
    else if (c != null && typeof c !== 'boolean') list.push(typeof c === 'object' ? c : String(c));
  };
  flat(kids);
  const doc = parent.ownerDocument;
  list.forEach((k, i) => {
    const cur = parent.childNodes[i] as ChildNode | undefined;
    if (typeof k === 'string') {
      if (cur?.nodeType === 3) {
        if ((cur as Text).data !== k) (cur as Text).data = k;
      } else parent.insertBefore(doc.createTextNode(k), cur ?? null);
      return;
    }
    const fresh = !cur || (cur as Element).localName !== k.t;
    const el = (fresh ? parent.insertBefore(doc.createElement(k.t), cur ?? null) : cur) as Kept;
    const old: Props = fresh ? {} : (el._p ?? {});
    const p = k.p;
    for (const n in old) if (!(n in p)) attr(el, n, null);
    for (const n in p) if (p[n] !== old[n]) attr(el, n, p[n]);
    el._p = p;
    render(el, p.children);
    for (const n of LIVE) if (n in p && el[n] !== p[n]) el[n] = p[n];
    if (fresh) (p.ref as ((e: Element) => void) | undefined)?.(el);
  });
  while (parent.childNodes.length > list.length) parent.lastChild!.remove();
}

/** Sets (or with null/false removes) one attribute or `on…` listener; skips what is not an attribute. */
function attr(el: Kept, n: string, v: unknown): void {
  if (n === 'children' || n === 'ref' || LIVE.includes(n)) return;
  if (n.startsWith('on')) {
    const type = n.slice(2).toLowerCase();
    (el._l ??= {})[type] = v as (e: Event) => void;
    el[v ? 'addEventListener' : 'removeEventListener'](type, listen);
  } else if (v == null || v === false) el.removeAttribute(n);
  else el.setAttribute(n, v === true ? '' : String(v));
}

/** Types for TypeScript: any intrinsic element with any props; every JSX expression is a {@link Child}. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace JSX {
  export type Element = Child;
  export interface IntrinsicElements {
    [tag: string]: Record<string, unknown>;
  }
  export interface ElementChildrenAttribute {
    children: unknown;
  }
}
