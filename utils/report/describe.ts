/**
 * Describes a page's structure without personal data (issue 10, «Сохранить описание страницы для
 * поддержки»): tags, roles, ARIA, ids, classes, fields' `name`/`type`, the interface's words, the
 * URL path, visibility and rough layout boxes. Every other text, every field's value, every
 * link's query, `data-*` values, scripts, styles and images are left out or masked by shape
 * (`utils/report/mask.ts`). Reads the page only; never changes it.
 *
 * Bounded: at most {@link DEFAULT_LIMITS} elements, bytes and milliseconds; a description that
 * hits a bound stops there and says which (`made.truncated`).
 */
import { Identifiers, maskIdent, maskKeyword, maskPath, maskShape, maskText, type Vocabulary } from './mask';
import { attrKind, LABEL_VALUE_TYPES } from './attrs';
import { REPORT_FORMAT, REPORT_VERSION, type PageReport, type ReportGuide, type ReportNode, type TruncatedBy } from './types';

/** Bounds of one description: elements described, estimated size of the file (bytes), time (ms). */
export const DEFAULT_LIMITS = { elements: 20_000, bytes: 1_900_000, ms: 1_500 } as const;

/** Options of {@link describePage}. */
export interface DescribeOptions {
  /** The interface's words (`flowVocabulary` in utils/report/vocabulary.ts). */
  vocabulary: Vocabulary;
  /** `sgo` | `cabinet` | null, written into the file. */
  portal: string | null;
  /** Extension version written into the file. */
  extension?: string;
  /** What the guide showed (ids only). */
  guide?: ReportGuide;
  /** Bounds (defaults {@link DEFAULT_LIMITS}). */
  limits?: Partial<{ elements: number; bytes: number; ms: number }>;
  /** Elements left out with everything inside (the extension's own panel). */
  skip?: (el: Element) => boolean;
  /** An element's shadow root, open or closed (the extension's world can reach closed ones); default: open ones. */
  shadowRootOf?: (el: Element) => ShadowRoot | null;
  /** Clock in ms (default `performance.now`). */
  now?: () => number;
}

/** Elements whose content is not described at all. */
const LEFT_OUT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK', 'META', 'BASE', 'HEAD', 'TITLE']);
/** Elements described by their attributes only: pictures, media, icons. */
const NO_CHILDREN = new Set(['svg', 'SVG', 'IMG', 'PICTURE', 'CANVAS', 'VIDEO', 'AUDIO', 'OBJECT', 'EMBED', 'MATH']);
/** Running state of one description. */
class Walk {
  described = 0;
  bytes = 0;
  masked = 0;
  stopped: TruncatedBy | undefined;
  private readonly start: number;
  constructor(
    readonly o: DescribeOptions,
    private readonly limits: { elements: number; bytes: number; ms: number },
    private readonly now: () => number,
  ) {
    this.start = now();
  }

  /** Counts one element and stops when a bound is reached. */
  count(bytes: number): boolean {
    if (this.stopped) return false;
    this.described++;
    this.bytes += bytes;
    if (this.described > this.limits.elements) this.stopped = 'elements';
    else if (this.bytes > this.limits.bytes) this.stopped = 'size';
    else if ((this.described & 255) === 0 && this.now() - this.start > this.limits.ms) this.stopped = 'time';
    if (this.stopped) this.described--;
    return !this.stopped;
  }

  text(s: string): string {
    const out = maskText(s, this.o.vocabulary);
    if (out !== s) this.masked++;
    return out;
  }

  shape(s: string): string {
    const out = maskShape(s);
    if (out !== s) this.masked++;
    return out;
  }

  elapsed(): number {
    return Math.round(this.now() - this.start);
  }
}

/** A link's or form's address, reduced: same-host path masked, other hosts by name, no query or fragment (except `#id`). */
function maskHref(value: string, doc: Document, ids: Identifiers, vocab: Vocabulary): string {
  const v = value.trim();
  if (v.startsWith('#')) return /^#[A-Za-z0-9_\-:.]+$/.test(v) ? `#${ids.get(v.slice(1))}` : '#';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1]?.toLowerCase();
  if (scheme && !['http', 'https'].includes(scheme)) return `${scheme}:`;
  try {
    const u = new URL(v, doc.baseURI);
    const path = maskPath(u.pathname, vocab);
    return u.host === doc.location?.host ? path : `${u.protocol}//${/^[a-z0-9.-]+$/i.test(u.hostname) ? u.hostname : 'other'}${path}`;
  } catch {
    return '';
  }
}

/** The masked attributes of an element, or undefined when none are kept. */
function attrsOf(el: Element, w: Walk, ids: Identifiers): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let any = false;
  for (const { name: raw, value } of Array.from(el.attributes)) {
    const name = raw.toLowerCase();
    let v: string | undefined;
    switch (attrKind(name, el as HTMLInputElement)) {
      case 'id':
        v = ids.get(value);
        break;
      case 'ident':
        v = value.split(/\s+/).filter(Boolean).map((x) => maskIdent(x, w.o.vocabulary)).join(' ');
        break;
      case 'text':
      case 'label-value':
        v = w.text(value.slice(0, 300));
        break;
      case 'ref':
        v = ids.list(value);
        break;
      case 'flag':
        v = '';
        break;
      case 'keyword':
        v = maskKeyword(value, w.o.vocabulary);
        if (v !== value) w.masked++;
        break;
      case 'target':
        v = /^#[A-Za-z0-9_\-:.]+$/.test(value.trim()) ? `#${ids.get(value.trim().slice(1))}` : w.shape(value.slice(0, 80));
        break;
      case 'data':
        v = w.shape(value.slice(0, 80));
        break;
      case 'address':
        v = maskHref(value, el.ownerDocument, ids, w.o.vocabulary);
        break;
      default:
        v = undefined;
    }
    if (v === undefined) continue;
    out[/^[a-z][a-z0-9_:.@()\-]*$/.test(name) ? name : maskIdent(name, w.o.vocabulary)] = v;
    any = true;
  }
  return any ? out : undefined;
}

/** A field's current value by shape (never a password's; none for buttons and files). */
function valueOf(el: Element, w: Walk): string | undefined {
  if (el.tagName === 'TEXTAREA') return (el as HTMLTextAreaElement).value ? w.shape((el as HTMLTextAreaElement).value.slice(0, 300)) : undefined;
  if (el.tagName !== 'INPUT') return undefined;
  const input = el as HTMLInputElement;
  if (['password', 'file', 'checkbox', 'radio', 'image', ...LABEL_VALUE_TYPES].includes(input.type)) return undefined;
  return input.value ? w.shape(input.value.slice(0, 300)) : undefined;
}

/** Whether a checkbox/radio is checked or an option selected (properties, not attributes: what the page shows now). */
function isOn(el: Element): boolean {
  if (el.tagName === 'OPTION') return (el as HTMLOptionElement).selected;
  if (el.tagName === 'INPUT') return ['checkbox', 'radio'].includes((el as HTMLInputElement).type) && (el as HTMLInputElement).checked;
  return false;
}

/** Describes the children of a node (an element or a shadow root). */
function childrenOf(parent: Node, w: Walk, ids: Identifiers, hidden: boolean): Array<ReportNode | string> {
  const out: Array<ReportNode | string> = [];
  for (let n = parent.firstChild; n && !w.stopped; n = n.nextSibling) {
    if (n.nodeType === 3) {
      const data = (n as Text).data.replace(/\s+/g, ' ');
      if (data === ' ') {
        if (out.length && out[out.length - 1] !== ' ') out.push(' ');
      } else if (data) {
        const t = data.length > 1000 ? `${data.slice(0, 1000)}…` : data;
        w.bytes += t.length * 2 + 4;
        out.push(w.text(t));
      }
    } else if (n.nodeType === 1) {
      const d = describeElement(n as Element, w, ids, hidden);
      if (d) out.push(d);
    }
  }
  return out;
}

/** Describes one element with its subtree, or null when left out. */
function describeElement(el: Element, w: Walk, ids: Identifiers, hiddenAbove: boolean): ReportNode | null {
  if (LEFT_OUT.has(el.tagName) || w.o.skip?.(el)) return null;
  if (!w.count(40)) return null;
  const tag = el.tagName.toLowerCase();
  const node: ReportNode = { t: /^[a-z][a-z0-9-]*$/.test(tag) ? tag : 'div' };
  const a = attrsOf(el, w, ids);
  if (a) {
    node.a = a;
    for (const [k, v] of Object.entries(a)) w.bytes += k.length + v.length * 2 + 6;
  }
  const v = valueOf(el, w);
  if (v) node.v = v;
  if (isOn(el)) node.on = 1;
  let hidden = hiddenAbove;
  if (!hidden) {
    const win = el.ownerDocument.defaultView;
    const cs = win?.getComputedStyle(el);
    if (cs && (cs.display === 'none' || cs.visibility === 'hidden')) {
      node.h = 1;
      hidden = true;
    } else {
      if (cs?.position === 'fixed') node.f = 1;
      const r = el.getBoundingClientRect();
      if (r.width || r.height || r.x || r.y) {
        node.r = [Math.round(r.x + (win?.scrollX ?? 0)), Math.round(r.y + (win?.scrollY ?? 0)), Math.round(r.width), Math.round(r.height)];
        w.bytes += 24;
      }
    }
  }
  if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
    node.fr = frameOf(el as HTMLIFrameElement, w, hidden);
    return node;
  }
  if (NO_CHILDREN.has(el.tagName)) return node;
  const root = w.o.shadowRootOf ? w.o.shadowRootOf(el) : el.shadowRoot;
  if (root) {
    const sh = childrenOf(root, w, ids, hidden);
    if (sh.length) node.sh = sh;
  }
  const c = childrenOf(el, w, ids, hidden);
  if (c.length) node.c = c;
  return node;
}

/** An iframe: its document when the page may read it (same origin), else the other origin's host. */
function frameOf(frame: HTMLIFrameElement, w: Walk, hidden: boolean): { doc: ReportNode } | { other: string } {
  let doc: Document | null = null;
  try {
    doc = frame.contentDocument;
  } catch {
    doc = null;
  }
  if (doc?.body) {
    const ids = new Identifiers(w.o.vocabulary);
    const body = describeElement(doc.body, w, ids, hidden);
    if (body) return { doc: body };
  }
  let host = 'other';
  try {
    const h = new URL(frame.src, frame.ownerDocument.baseURI).hostname;
    if (/^[a-z0-9.-]+$/i.test(h)) host = h;
  } catch {
    // keep «other»
  }
  return { other: host };
}

/**
 * Describes the page (see the module's comment).
 * @param doc the page's document (in a browser, or jsdom in tests: then there are no boxes)
 * @param o vocabulary, portal, bounds, what to skip
 * @returns the description; `made.truncated` says when a bound stopped it early
 */
export function describePage(doc: Document, o: DescribeOptions): PageReport {
  const now = o.now ?? (() => performance.now());
  const w = new Walk(o, { ...DEFAULT_LIMITS, ...o.limits }, now);
  const ids = new Identifiers(o.vocabulary);
  const body = (doc.body && describeElement(doc.body, w, ids, false)) || { t: 'body' };
  const win = doc.defaultView;
  const report: PageReport = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    portal: o.portal,
    host: /^[a-z0-9.-]+$/i.test(doc.location?.hostname ?? '') ? doc.location.hostname : '',
    path: maskPath(doc.location?.pathname ?? '/', o.vocabulary),
    title: w.text(doc.title ?? ''),
    viewport: [win?.innerWidth ?? 0, win?.innerHeight ?? 0],
    extension: o.extension ?? '',
    ...(o.guide ? { guide: o.guide } : {}),
    made: { ms: 0, elements: doc.getElementsByTagName('*').length, described: w.described, masked: w.masked, ...(w.stopped ? { truncated: w.stopped } : {}) },
    body,
  };
  report.made.ms = w.elapsed();
  return report;
}
