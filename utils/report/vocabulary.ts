/**
 * The interface vocabulary of a portal for the page description (issue 10): every text a step of
 * the flow looks for (texts, labels with their variants, titles, dialogs' words) plus the
 * portal's common words (`sgoWords`, `cabinetWords` in the flow files). A word outside it is masked, even one that looks harmless.
 */
import type { Flow, Locator, PageMatch, Target } from '@/utils/guide/types';
import { sgoWords } from '@/utils/flows/sgo';
import { cabinetWords } from '@/utils/flows/cabinet';
import { vocabularyOf, type Vocabulary } from './mask';

/** Every phrase a locator looks for (its `text`, `textContains`, `label` variants, `title`, and its `within`'s). */
/** Each portal's common interface words, by flow id. */
const PORTAL_WORDS: Record<string, readonly string[]> = { sgo: sgoWords, cabinet: cabinetWords };

function locatorPhrases(l: Locator, out: string[]): void {
  if (l.text) out.push(l.text);
  if (l.textContains) out.push(l.textContains);
  if (l.title) out.push(l.title);
  if (typeof l.label === 'string') out.push(l.label);
  else if (l.label) out.push(...l.label);
  const within = l.within;
  if (within) for (const w of Array.isArray(within) ? within : [within]) locatorPhrases(w as Locator, out);
}

function targetPhrases(t: Target | undefined, out: string[]): void {
  if (!t) return;
  for (const l of Array.isArray(t) ? t : [t]) locatorPhrases(l, out);
}

function matchPhrases(m: PageMatch | undefined, out: string[]): void {
  for (const t of [...(m?.all ?? []), ...(m?.none ?? [])]) targetPhrases(t, out);
}

/**
 * The phrases of a flow that belong to the portal's interface.
 * @param flow a portal's flow (`utils/flows/*.ts`)
 * @returns the texts its steps look for and its common words, in flow order (may repeat)
 */
export function flowPhrases(flow: Flow): string[] {
  const out: string[] = [...(PORTAL_WORDS[flow.id] ?? [])];
  for (const step of flow.steps) {
    matchPhrases(step.when, out);
    targetPhrases(step.target, out);
    for (const t of step.then ?? []) targetPhrases(t, out);
    for (const f of step.fill ?? []) targetPhrases(f.target, out);
  }
  return out;
}

/**
 * The vocabulary a page description of this portal keeps.
 * @param flow the portal's flow
 */
export function flowVocabulary(flow: Flow): Vocabulary {
  return vocabularyOf(flowPhrases(flow));
}
