/**
 * Search for the consultant page: finds steps of both flows by their spoken code («к7», «К-7»,
 * «k7», or just «7» within a portal) or by the words a caller uses («не приходит письмо»).
 * Pure: no DOM, no browser APIs.
 */
import type { Flow, Step, VariantText } from '@/utils/guide/types';
import { sgoFlow } from './sgo';
import { cabinetFlow } from './cabinet';
import { troublesFor } from './troubles';

/** Both portals' flows, in the order the consultant page lists them. */
export const FLOWS: readonly Flow[] = [sgoFlow, cabinetFlow];

/** Which portal to search: one flow id or both. */
export type PortalFilter = 'all' | 'sgo' | 'cabinet';

/** One found step. */
export interface SearchHit {
  flowId: string;
  stepId: string;
  code: string;
  title: string;
  /** Higher is better (word search); code hits score 100. */
  score: number;
}

/** The answer of {@link searchSteps}. */
export interface SearchResult {
  /** `code` when the query was read as a step code, `words` for a word search, `empty` for no query. */
  kind: 'empty' | 'code' | 'words';
  /** Best first. Empty for an empty query. */
  hits: SearchHit[];
}

/** Code letter of each flow («Т» Tver, «К» Kuzbass). */
const LETTER: Record<string, string> = { sgo: 'т', cabinet: 'к' };
/** Latin letters callers type instead of the Cyrillic code letters. */
const LATIN: Record<string, string> = { t: 'т', k: 'к' };

/**
 * Folds text for comparison: lower case, «ё» as «е», Latin code letters kept.
 * @param s any text
 */
export function normalise(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е');
}

/**
 * Reads a query as a step code: «к7», «К-7», «k 7», «т3», «К-П1» or a bare number «7».
 * @param query what was typed
 * @returns the letter (`т`/`к`, or null for a bare number) and the rest («7», «п1»), or null when it is not a code
 */
export function parseCode(query: string): { letter: string | null; rest: string } | null {
  const q = normalise(query).trim();
  const m = /^([ктkt])?\s*[-‐–—.]?\s*(п?\s*-?\s*\d{1,2})$/.exec(q);
  if (!m) return null;
  const letter = m[1] ? (LATIN[m[1]] ?? m[1]) : null;
  return { letter, rest: m[2].replace(/[\s-]/g, '') };
}

/** Every text of a variant text, deduplicated. */
export function variantTexts(t: VariantText): string[] {
  return typeof t === 'string' ? [t] : [...new Set(Object.values(t))];
}

/** Words of a text (letters and digits), normalised. */
function words(s: string): string[] {
  return normalise(s).split(/[^a-zа-я0-9]+/).filter(Boolean);
}

/** Words that carry no meaning for the search («не», «и», «в», …). */
const STOP = new Set(['не', 'и', 'в', 'на', 'с', 'по', 'а', 'у', 'к', 'о', 'из', 'за', 'до', 'что', 'как', 'это', 'мы', 'я', 'он', 'она', 'мне']);

/**
 * A crude Russian stem good enough for matching word beginnings: short words stay whole,
 * longer ones lose up to two final letters (endings), never below four letters.
 * @param w a normalised word, e.g. «письмо» → «пись», «госуслуги» → «госуслу»
 */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  return w.slice(0, Math.max(4, w.length - 2));
}

/** Searchable text of a step, in fields of decreasing weight. */
function fieldsOf(step: Step): Array<{ weight: number; words: string[] }> {
  const troubles = troublesFor(step.id);
  return [
    { weight: 4, words: troubles.flatMap((t) => t.keywords.flatMap(words)) },
    { weight: 3, words: [...words(step.title), ...troubles.flatMap((t) => words(t.symptom))] },
    {
      weight: 1,
      words: [
        ...variantTexts(step.instruction).flatMap(words),
        ...words(step.lookFor ?? ''),
        ...(step.checklist ?? []).flatMap(words),
        ...troubles.flatMap((t) => [...words(t.cause), ...words(t.advice)]),
      ],
    },
  ];
}

/**
 * Finds steps by code or by words.
 * Code: «к7», «К-7», «k7» → К-7; a bare «7» → step 7 of the chosen portal (of both when `all`);
 * an advice code («Т-П1», «кп1») → the steps whose panel offers that advice.
 * Words: case-insensitive, «ё» = «е», each query word matches a word of the step that starts with
 * its stem; steps with every query word come first, ranked by where the words were found
 * (caller keywords, then titles, then instructions and advice). When no step has every word,
 * steps with most of them are returned.
 * @param query what the consultant typed
 * @param portal which portal to search
 * @param flows the flows (default: both portals)
 */
export function searchSteps(query: string, portal: PortalFilter = 'all', flows: readonly Flow[] = FLOWS): SearchResult {
  const inPortal = flows.filter((f) => portal === 'all' || f.id === portal);
  if (!query.trim()) return { kind: 'empty', hits: [] };
  const hit = (f: Flow, s: Step, score: number): SearchHit => ({ flowId: f.id, stepId: s.id, code: s.code, title: s.title, score });

  const code = parseCode(query);
  if (code) {
    const hits: SearchHit[] = [];
    for (const f of inPortal) {
      if (code.letter && LETTER[f.id] !== code.letter) continue;
      for (const s of f.steps) {
        const [, rest] = normalise(s.code).split('-');
        if (rest === code.rest) hits.push(hit(f, s, 100));
      }
    }
    if (hits.length) return { kind: 'code', hits };
    // An advice code («Т-П1», «К-П1»): the steps whose panel offers that advice.
    for (const f of inPortal) {
      if (code.letter && LETTER[f.id] !== code.letter) continue;
      for (const a of f.advice) {
        const [, rest] = normalise(a.code).split('-');
        if (rest !== code.rest) continue;
        for (const s of f.steps) if (s.advice?.includes(a.id)) hits.push(hit(f, s, 90));
      }
    }
    if (hits.length) return { kind: 'code', hits };
  }

  const stems = [...new Set(words(query).filter((w) => !STOP.has(w)).map(stem))];
  if (!stems.length) return { kind: 'words', hits: [] };
  const scored: Array<SearchHit & { matched: number }> = [];
  for (const f of inPortal) {
    for (const s of f.steps) {
      let score = 0;
      let matched = 0;
      for (const st of stems) {
        let best = 0;
        for (const field of fieldsOf(s)) {
          const n = field.words.filter((w) => w.startsWith(st)).length;
          if (n) best = Math.max(best, field.weight * (1 + Math.min(n, 3) / 10));
        }
        if (best) matched++;
        score += best;
      }
      if (matched) scored.push({ ...hit(f, s, score), matched });
    }
  }
  const most = Math.max(0, ...scored.map((h) => h.matched));
  const need = most === stems.length ? stems.length : Math.max(1, Math.ceil(stems.length / 2));
  const hits = scored
    .filter((h) => h.matched >= need)
    .sort((a, b) => b.matched - a.matched || b.score - a.score)
    .map(({ matched: _m, ...h }) => h);
  return { kind: 'words', hits };
}
