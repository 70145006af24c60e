/**
 * The interface vocabulary of a portal for the page description (issue 10): every text a step of
 * the flow looks for (texts, labels with their variants, titles, dialogs' words) plus the
 * portal's common words (`sgoWords`, `cabinetWords` in the flow files). A word outside it is masked, even one that looks harmless.
 */
import type { Flow, Locator, PageMatch, Target } from '@/utils/guide/types';
import { sgoMarkup, sgoWords } from '@/utils/flows/sgo';
import { cabinetMarkup, cabinetWords } from '@/utils/flows/cabinet';
import { vocabularyOf, type Vocabulary } from './mask';
import { MARKUP_WORDS } from './markup-words';

/** Every phrase a locator looks for (its `text`, `textContains`, `label` variants, `title`, and its `within`'s). */
/** Each portal's common interface words, by flow id. */
const PORTAL_WORDS: Record<string, readonly string[]> = { sgo: sgoWords, cabinet: cabinetWords };
/** Each portal's known markup words (ids, classes, names, paths), by flow id. */
const PORTAL_MARKUP: Record<string, readonly string[]> = { sgo: sgoMarkup, cabinet: cabinetMarkup };

/** Identifier words of a CSS selector or a path pattern (`.gosbutton, a` → `gosbutton`, `a`). */
function markupWordsOf(source: string): string[] {
  return source.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
}

function locatorPhrases(l: Locator, out: string[], markup?: string[]): void {
  if (l.css && markup) markup.push(...markupWordsOf(l.css));
  if (l.text) out.push(l.text);
  if (l.textContains) out.push(l.textContains);
  if (l.title) out.push(l.title);
  if (typeof l.label === 'string') out.push(l.label);
  else if (l.label) out.push(...l.label);
  const within = l.within;
  if (within) for (const w of Array.isArray(within) ? within : [within]) locatorPhrases(w as Locator, out, markup);
}

function targetPhrases(t: Target | undefined, out: string[], markup?: string[]): void {
  if (!t) return;
  for (const l of Array.isArray(t) ? t : [t]) locatorPhrases(l, out, markup);
}

function matchPhrases(m: PageMatch | undefined, out: string[], markup?: string[]): void {
  for (const t of [...(m?.all ?? []), ...(m?.none ?? [])]) targetPhrases(t, out, markup);
  if (markup) for (const r of [m?.path, m?.notPath]) if (r) markup.push(...markupWordsOf(r.source));
}

/**
 * The phrases of a flow that belong to the portal's interface.
 * @param flow a portal's flow (`utils/flows/*.ts`)
 * @returns the texts its steps look for and its common words, in flow order (may repeat)
 */
export function flowPhrases(flow: Flow): string[] {
  return collect(flow).phrases;
}

/** The phrases and the markup words (CSS hints, path patterns) of a flow. */
function collect(flow: Flow): { phrases: string[]; markup: string[] } {
  const out: string[] = [...(PORTAL_WORDS[flow.id] ?? [])];
  const markup: string[] = [...(PORTAL_MARKUP[flow.id] ?? [])];
  for (const step of flow.steps) {
    matchPhrases(step.when, out, markup);
    targetPhrases(step.target, out, markup);
    for (const t of step.then ?? []) targetPhrases(t, out, markup);
    for (const f of step.fill ?? []) targetPhrases(f.target, out, markup);
  }
  return { phrases: out, markup };
}

/**
 * The vocabulary of several flows together (a page description checks its host's flow; on an
 * unknown host, all of them).
 * @param flows the flows
 */
export function flowsVocabulary(flows: readonly Flow[]): Vocabulary {
  const all = flows.map(collect);
  return vocabularyOf(
    all.flatMap((c) => c.phrases),
    [...MARKUP_WORDS, ...all.flatMap((c) => c.markup)],
  );
}

/**
 * The vocabulary a page description of this portal keeps.
 * @param flow the portal's flow
 */
export function flowVocabulary(flow: Flow): Vocabulary {
  return flowsVocabulary([flow]);
}
