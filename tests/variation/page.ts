/**
 * The variation suite's code in the page's own world (bundled by `tests/support/variation-bundle.ts`,
 * exposed as `window.__pfdoVariation`): marks the truth on the untransformed replica with the
 * product's own `locate`, keeps a pristine copy of the body, applies transforms, and checks
 * recognition, outlining and «Заполнить» on the transformed page.
 */
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { matchingSteps, recogniseDetailed, stepById } from '@/utils/guide/recognise';
import { locate } from '@/utils/guide/locate';
import { fillFields } from '@/utils/guide/fill';
import type { Flow } from '@/utils/guide/types';
import { trainingFillValues } from '@/utils/training/send';
import { hashSeed, mulberry32 } from './rng';
import { comboParts, FIELD_MARK, GENERATED_MARK, NATIVE_MARK, TARGET_MARK, TRANSFORMS } from './transforms';

const FLOWS: Record<string, Flow> = { sgo: sgoFlow, cabinet: cabinetFlow };

/** What was marked on the untransformed page. */
export interface Prepared {
  /** The step's target as located on the untransformed page (null: no target or not found). */
  target: string | null;
  /** Fill fields: value key and the element found for it (null: not found untransformed). */
  fields: Array<{ key: string; found: string | null }>;
}

/** One fill field's result on a transformed page. */
export interface FieldResult {
  key: string;
  name: string;
  status: string;
  /** Reported filled and the value is in the element marked with its key. */
  landed: boolean;
  note?: string;
}

/** The checks of one (page, transform). */
export interface CheckResult {
  applied: string[];
  /** Generator sanity: null when the visible words stayed the same, else what differs. */
  sanity: string | null;
  expected: string | null;
  shown: string | null;
  tied: string[];
  matching: string[];
  /** `ok`, `n/a` (no target on this step), or what went wrong. */
  outline: string;
  fields: FieldResult[];
  /** Changes in fields that were not the filled field's own (the worst failure). */
  wrong: string[];
  error?: string;
}

/** Short description of an element for reports: `tag#id.class[name] «text»`. */
export function describe(el: Element | null): string {
  if (!el) return 'nothing';
  const id = el.id ? `#${el.id}` : '';
  const cls = el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
  const name = el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : '';
  const role = el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : '';
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return `${el.tagName.toLowerCase()}${id}${cls}${name}${role}${text ? ` «${text}»` : ''}`;
}

// ------------------------------------------------------------ visible words (generator sanity)

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'OPTION', 'SELECT', 'TEXTAREA', 'TITLE']);

/**
 * The page's visible words in reading order, folded (lower case, «ё» as «е»): what a person reads,
 * independent of markup. Left out: the guide, generated icons and widget texts and menus.
 * Input buttons count with their value.
 */
export function visibleWords(doc: Document): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      const p = n.parentElement;
      if (p && p.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true } as CheckVisibilityOptions)) out.push((n as Text).data);
      return;
    }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    if (SKIP_TEXT.has(e.tagName) || e.tagName === 'PFDO-GUIDE' || e.hasAttribute(GENERATED_MARK)) return;
    if (e.tagName === 'INPUT' && ['submit', 'button'].includes((e as HTMLInputElement).type)) {
      if (e.checkVisibility()) out.push(` ${(e as HTMLInputElement).value} `);
      return;
    }
    const display = getComputedStyle(e).display;
    const block = e.tagName === 'BR' || !display.startsWith('inline');
    if (block) out.push(' ');
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
    if (block) out.push(' ');
  };
  walk(doc.body);
  return out
    .join('')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** First difference of two word lists, as a short text; null when equal. */
function wordDiff(a: string[], b: string[]): string | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return `word ${i}: «${a.slice(Math.max(0, i - 3), i + 4).join(' ')}» became «${b.slice(Math.max(0, i - 3), i + 4).join(' ')}»`;
  }
  return null;
}

// ------------------------------------------------------------ state of the page

let pristine: HTMLElement | null = null;
let pristineSelects: number[] = [];
let pristineWords: string[] = [];
let current: { flowId: string; expect: string | null } | null = null;

function addMark(el: Element, attr: string, value: string): void {
  const have = (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean);
  if (!have.includes(value)) el.setAttribute(attr, [...have, value].join(' '));
}

/**
 * Marks the truth on the untransformed page: the expected step's target (`data-variation-target`)
 * and each fill field's element (`data-variation-field="<key>"`), found by the product's own
 * `locate` where the guide is known to be right; then keeps a copy of the body to start every
 * transform from.
 * @param flowId `sgo` | `cabinet`
 * @param expect the page's expected step id, or null
 */
export function prepare(flowId: string, expect: string | null): Prepared {
  current = { flowId, expect };
  const res: Prepared = { target: null, fields: [] };
  if (expect) {
    const step = stepById(FLOWS[flowId], expect);
    const t = step.target ? locate(step.target, document) : null;
    if (t) t.setAttribute(TARGET_MARK, '');
    res.target = t ? describe(t) : null;
    for (const f of step.fill ?? []) {
      const el = locate(f.target, document);
      if (el) addMark(el, FIELD_MARK, f.value);
      res.fields.push({ key: f.value, found: el ? describe(el) : null });
    }
  }
  pristine = document.body.cloneNode(true) as HTMLElement;
  pristineSelects = Array.from(document.body.querySelectorAll('select'), (s) => s.selectedIndex);
  pristineWords = visibleWords(document);
  return res;
}

/** Puts the untransformed body back (a fresh copy of the one {@link prepare} kept). */
export function restore(): void {
  if (!pristine) throw new Error('prepare() first');
  const body = pristine.cloneNode(true) as HTMLElement;
  document.body.replaceWith(body);
  // Cloning does not keep which option a script chose.
  Array.from(body.querySelectorAll('select')).forEach((s, i) => {
    if (pristineSelects[i] !== undefined) s.selectedIndex = pristineSelects[i];
  });
  // Open widget menus of an earlier transform lived in the old body; nothing else to clean.
}

/**
 * Applies a transform (or, for `combo`, its seeded parts) to the page, checking after each part
 * that the visible words are still the same.
 * @param name a transform name of `TRANSFORM_NAMES`
 * @param seed the run's seed; the variant's own seed is derived from it, the page's URL and the name
 * @returns the parts applied and the first sanity failure (null when the words stayed the same)
 */
export async function apply(name: string, seed: number): Promise<{ applied: string[]; sanity: string | null }> {
  const rng = mulberry32(hashSeed(seed, location.pathname + location.search, current?.expect ?? '', name));
  const parts = name === 'combo' ? comboParts(rng) : [name];
  let sanity: string | null = null;
  for (const p of parts) {
    await TRANSFORMS[p](document, rng);
    const diff = wordDiff(pristineWords, visibleWords(document));
    if (diff && !sanity) sanity = `${p}: ${diff}`;
  }
  return { applied: parts, sanity };
}

// ------------------------------------------------------------ checks

/** Value-bearing state of every form control and widget text, by element. */
function snapshot(): Map<Element, string> {
  const m = new Map<Element, string>();
  for (const el of Array.from(document.querySelectorAll('input, select, textarea'))) {
    const i = el as HTMLInputElement;
    m.set(el, i.type === 'file' ? `files:${Array.from(i.files ?? [], (f) => f.name).join(',')}` : el.tagName === 'SELECT' ? `${(el as HTMLSelectElement).selectedIndex}:${i.value}` : i.value);
  }
  for (const el of Array.from(document.querySelectorAll(`[${GENERATED_MARK}=widget-text]`))) m.set(el, `text:${el.textContent}`);
  return m;
}

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');

/** Whether an element marked for a key shows the value (typed field, chosen option, widget text, file name). */
function holds(el: Element, value: string, scanName?: string): boolean {
  if (el instanceof HTMLInputElement && el.type === 'file') return !!scanName && el.files?.[0]?.name === scanName;
  if (el instanceof HTMLSelectElement) {
    const t = norm(el.selectedOptions[0]?.text);
    return !!t && (t === norm(value) || t.startsWith(norm(value)) || norm(value).startsWith(t) || t.includes(norm(value)));
  }
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    const a = norm(el.value).replace(/ /g, '');
    const b = norm(value).replace(/ /g, '');
    // Date inputs hold YYYY-MM-DD for DD.MM.YYYY.
    const iso = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
    return a === b || (!!iso && el.value === `${iso[3]}-${iso[2]}-${iso[1]}`);
  }
  const text = el.querySelector(`[${GENERATED_MARK}=widget-text]`)?.textContent ?? '';
  return norm(text).includes(norm(value));
}

const marksOf = (el: Element) => (el.getAttribute(FIELD_MARK) ?? '').split(/\s+/).filter(Boolean);

/** IoU of two element boxes. */
function overlap(a: Element, b: Element): number {
  const r = a.getBoundingClientRect();
  const s = b.getBoundingClientRect();
  const w = Math.max(0, Math.min(r.right, s.right) - Math.max(r.left, s.left));
  const h = Math.max(0, Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top));
  const inter = w * h;
  const union = r.width * r.height + s.width * s.height - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Whether the outlined element is the right one. Right: the element marked as the target, or one
 * inside it or around it with nearly the same box (IoU ≥ 0.6, e.g. the select2 selection inside
 * its container). A native control behind a widget (`data-variation-native`) is never right to
 * outline: a person sees the widget.
 */
export function outlineVerdict(found: Element | null): string {
  const marked = Array.from(document.querySelectorAll(`[${TARGET_MARK}]`)).filter((e) => !e.hasAttribute(NATIVE_MARK));
  if (!marked.length) return 'n/a';
  if (!found) return 'not outlined: nothing found';
  if (found.hasAttribute(NATIVE_MARK)) return `outlined the hidden native control ${describe(found)} instead of its widget`;
  for (const m of marked) {
    if (m === found) return 'ok';
    if ((m.contains(found) || found.contains(m)) && overlap(m, found) >= 0.6) return 'ok';
    // The element inside that says the whole of the marked one's text (a message's text in a span): a person reads the same.
    if (m.contains(found) && norm(found.textContent) === norm(m.textContent) && norm(m.textContent)) return 'ok';
  }
  return `outlined ${describe(found)} instead of ${describe(marked[0])}`;
}

/**
 * Runs the guide's recognition, outlining and «Заполнить» on the page as it is now.
 * @param applied the transform parts applied (for the report)
 * @param sanity the generator's sanity result
 */
export async function check(applied: string[], sanity: string | null): Promise<CheckResult> {
  const { flowId, expect } = current!;
  const flow = FLOWS[flowId];
  const res: CheckResult = { applied, sanity, expected: expect, shown: null, tied: [], matching: [], outline: 'n/a', fields: [], wrong: [] };
  try {
    const rec = recogniseDetailed(flow, document, location.href);
    res.shown = rec.step?.id ?? null;
    res.tied = rec.tied.map((s) => s.id);
    res.matching = matchingSteps(flow, document, location.href);
    if (!expect) return res;
    const step = stepById(flow, expect);
    if (step.target) res.outline = outlineVerdict(locate(step.target, document));
    if (!step.fill?.length) return res;
    const keys = step.fill.map((f) => f.value);
    const given = trainingFillValues(flowId as 'sgo' | 'cabinet', keys);
    const values = given.values as Record<string, string>;
    const before = snapshot();
    const { outcomes } = fillFields(step.fill, values, given.scan, document, []);
    await new Promise((r) => setTimeout(r, 60));
    const after = snapshot();
    const attempted = new Set<string>();
    step.fill.forEach((f, i) => {
      const o = outcomes[i];
      if (o.status === 'filled' || o.status === 'failed') attempted.add(f.value);
    });
    step.fill.forEach((f, i) => {
      const o = outcomes[i];
      const r: FieldResult = { key: f.value, name: f.name, status: o.status, landed: false };
      if (o.status === 'filled') {
        const own = Array.from(document.querySelectorAll(`[${FIELD_MARK}~="${f.value}"]`));
        r.landed = own.some((el) => holds(el, f.value === 'documentScan' ? '' : values[f.value] ?? '', given.scan?.name));
        if (!r.landed) {
          r.note = own.length ? `reported filled, but its own field ${describe(own[0])} does not hold the value` : 'reported filled, but its own field is not on the page';
          res.wrong.push(`«${f.name}» (${f.value}): ${r.note}`);
        }
      } else r.note = o.reason;
      res.fields.push(r);
    });
    for (const [el, was] of after) {
      const now = was;
      const prev = before.get(el);
      if (prev === undefined || prev === now) continue;
      const host = el.hasAttribute(GENERATED_MARK) ? el.closest(`[${FIELD_MARK}]`) : el;
      const keysHere = host ? marksOf(host) : [];
      if (!keysHere.some((k) => attempted.has(k))) {
        res.wrong.push(`changed ${describe(el)} (${prev} → ${now}), which is ${keysHere.length ? `the field of ${keysHere.join(', ')}` : 'no filled field'}`);
      }
    }
    // A field that was replaced while filling (the page re-rendered) is not compared; new elements are not either.
  } catch (e) {
    res.error = String((e as Error)?.stack ?? e);
  }
  return res;
}

/**
 * The marked target's box in viewport pixels (for the extension check), or null.
 */
export function targetBox(): { x: number; y: number; width: number; height: number } | null {
  const m = Array.from(document.querySelectorAll(`[${TARGET_MARK}]`)).find((e) => !e.hasAttribute(NATIVE_MARK));
  if (!m) return null;
  const r = m.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

(globalThis as unknown as { __pfdoVariation: unknown }).__pfdoVariation = { prepare, restore, apply, check, targetBox, visibleWords };
