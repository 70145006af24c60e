/**
 * The page description's checks in a replica page's own world (bundled by
 * `tests/e2e/report-roundtrip.spec.ts`, exposed as `window.__pfdoReport`): which steps the flow's
 * recognisers match, the description as the extension makes it, and "soiling" the page with the
 * fictional family's values in every form and every place a page can hold them.
 */
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { matchingSteps } from '@/utils/guide/recognise';
import { locate } from '@/utils/guide/locate';
import { pageDescriptionOf } from '@/utils/report/page';
import type { PageReport } from '@/utils/report/types';
import { personalValues } from '@/utils/training/family';
import { formsOf } from '../support/personal-forms';
import { mulberry32 } from '../variation/rng';

const FLOWS = { sgo: sgoFlow, cabinet: cabinetFlow };

/** Steps of the flow matching the page now. */
export function matching(flowId: 'sgo' | 'cabinet'): string[] {
  return matchingSteps(FLOWS[flowId], document, location.href);
}

/** Waits (≤ 5 s) until the flow's recognisers match exactly `expected` (late rendering); returns what matches then. */
export async function settle(flowId: 'sgo' | 'cabinet', expected: string | null): Promise<string[]> {
  const want = JSON.stringify(expected ? [expected] : []);
  const end = Date.now() + 5000;
  let now = matching(flowId);
  while (JSON.stringify(now) !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    now = matching(flowId);
  }
  return now;
}

/** The description the extension's `page-report.js` makes of this page. */
export function describe(): PageReport {
  return pageDescriptionOf(document, [sgoFlow, cabinetFlow], 'test');
}

/**
 * Puts the family's values, in random forms (`formsOf`), everywhere a page can hold them: every
 * field's value, texts in random elements, `title`/`placeholder`/`aria-label`/`alt`/`data-*`
 * attributes, ids, classes and names, link paths, queries and fragments, options of every list,
 * an open shadow root and a same-origin frame.
 * @param seed the run's seed (reproducible)
 * @returns how many values were put in
 */
export function soil(seed: number): number {
  const rng = mulberry32(seed);
  const forms = formsOf(personalValues());
  const any = () => forms[Math.floor(rng() * forms.length)];
  let n = 0;
  for (const el of Array.from(document.querySelectorAll('input, textarea'))) {
    const input = el as HTMLInputElement;
    if (['checkbox', 'radio', 'file', 'submit', 'button', 'reset', 'image'].includes(input.type)) continue;
    try {
      input.value = any();
      n++;
    } catch {
      // a date input refuses text: keep its value
    }
  }
  const all = Array.from(document.body.querySelectorAll('*')).filter((e) => !['SCRIPT', 'STYLE', 'PFDO-GUIDE'].includes(e.tagName));
  for (const el of all) {
    if (rng() < 0.15) el.append(document.createTextNode(` ${any()} `));
    if (rng() < 0.1) el.setAttribute('title', any());
    if (rng() < 0.1) el.setAttribute('aria-label', any());
    if (rng() < 0.1) el.setAttribute('data-person', any());
    if (rng() < 0.05) el.setAttribute('placeholder', any());
    if (rng() < 0.05) el.setAttribute('alt', any());
    if (rng() < 0.05) el.classList.add(any().replace(/\s+/g, '_'));
    if (rng() < 0.05 && !el.id) el.id = `p-${any().replace(/\s+/g, '_')}`;
    if (rng() < 0.05) el.setAttribute('name', any());
    n++;
  }
  for (const sel of Array.from(document.querySelectorAll('select'))) {
    const o = document.createElement('option');
    o.textContent = any();
    o.value = any();
    sel.append(o);
    n++;
  }
  const extra = document.createElement('div');
  const link = document.createElement('a');
  link.href = `/profile/${encodeURIComponent(any())}/?snils=${encodeURIComponent(any())}#${encodeURIComponent(any())}`;
  link.textContent = any();
  const host = document.createElement('div');
  host.attachShadow({ mode: 'open' }).innerHTML = `<p>${any()}</p><input value="${any().replace(/"/g, '')}" title="${any().replace(/"/g, '')}">`;
  const frame = document.createElement('iframe');
  frame.srcdoc = `<p>${any()}</p><input value="${any().replace(/"/g, '')}">`;
  extra.append(link, host, frame);
  document.body.append(extra);
  return n + 3;
}

/** Resolves when the frame added by {@link soil} has loaded its document. */
export async function framesLoaded(): Promise<void> {
  const frames = Array.from(document.querySelectorAll('iframe'));
  const end = Date.now() + 3000;
  while (frames.some((f) => !f.contentDocument?.body?.childNodes.length) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

/**
 * What the guide outlines for a step on this page: the located target, described briefly
 * (`tag «text»`), or null when not found. For `npm run replica:from-report`.
 */
export function outline(flowId: 'sgo' | 'cabinet', stepId: string): string | null {
  const step = FLOWS[flowId].steps.find((s) => s.id === stepId);
  if (!step?.target) return null;
  const el = locate(step.target, document);
  if (!el) return null;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60) || el.getAttribute('aria-label') || el.getAttribute('title') || '';
  return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> «${text}»`;
}

(globalThis as unknown as { __pfdoReport: unknown }).__pfdoReport = { matching, settle, describe, soil, framesLoaded, outline };
