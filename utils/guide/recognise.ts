import type { VariantText, Flow, PageMatch, Step, Target } from './types';
import { locate, searchKeys, withPageText } from './locate';

/**
 * Whether a page matches a step's description.
 * @param m the step's `when`
 * @param doc the page's document
 * @param url the page's URL (`location.href`)
 * @param seen results of targets already looked up in this pass (shared by the steps of one pass)
 * @returns true when the path matches, every `all` target is visible and no `none` target is
 */
export function matchPage(m: PageMatch, doc: Document, url: string | URL, seen: Map<Target, boolean> = new Map()): boolean {
  const { pathname } = new URL(url);
  if (m.path && !m.path.test(pathname)) return false;
  if (m.notPath && m.notPath.test(pathname)) return false;
  // Flows share locator objects between steps; one pass looks each up once.
  const found = (t: Target) => {
    let hit = seen.get(t);
    if (hit === undefined) seen.set(t, (hit = locate(t, doc) !== null));
    return hit;
  };
  if (m.all && !m.all.every(found)) return false;
  if (m.none && m.none.some(found)) return false;
  return true;
}

/**
 * Every key word the steps of a flow search the page for (their conditions, controls and next
 * controls; see `searchKeys`), for the guide's page model to read in one walk.
 * @returns folded words, e.g. `['сертификат', 'войти']`
 */
export function flowKeys(flow: Flow): string[] {
  return searchKeys(flow.steps.flatMap((st) => [...(st.when?.all ?? []), ...(st.when?.none ?? []), st.target, ...(st.then ?? [])]));
}

/** How much a step's `when` says about a page: its visible evidence (`all` targets) and its address rule. */
export function evidenceOf(step: Step): number {
  const m = step.when;
  if (!m) return 0;
  return (m.all?.length ?? 0) + (m.path ? 1 : 0);
}

/** What recognition found: the step, or the steps that tie for it (then none is chosen). */
export interface Recognition {
  step: Step | null;
  /** Two or more steps matched with the same evidence: the page is not recognised. */
  tied: Step[];
}

/**
 * Recognises the step the user is on, from the page alone (no counter). Every step whose `when`
 * matches is a candidate; the one with the most evidence ({@link evidenceOf}) wins. When the best
 * evidence is shared by two steps, no step is chosen: a wrong step is worse than «не узнаю».
 * @param flow a portal's flow
 * @param doc the page's document
 * @param url the page's URL
 */
export function recogniseDetailed(flow: Flow, doc: Document, url: string | URL): Recognition {
  const seen = new Map<Target, boolean>();
  const hits = withPageText(() => flow.steps.filter((s) => s.when && matchPage(s.when, doc, url, seen)));
  if (hits.length <= 1) return { step: hits[0] ?? null, tied: [] };
  const best = Math.max(...hits.map(evidenceOf));
  const top = hits.filter((s) => evidenceOf(s) === best);
  return top.length === 1 ? { step: top[0], tied: [] } : { step: null, tied: top };
}

/**
 * Recognises the step the user is on ({@link recogniseDetailed}).
 * @returns the step, or null when the page is not part of the flow, has not rendered yet, or
 *   looks like two steps equally
 */
export function recognise(flow: Flow, doc: Document, url: string | URL): Step | null {
  return recogniseDetailed(flow, doc, url).step;
}

/**
 * Every step whose `when` matches the page: for tests and diagnostics (a well-made flow
 * has at most one more specific step before the general one).
 */
export function matchingSteps(flow: Flow, doc: Document, url: string | URL): string[] {
  const seen = new Map<Target, boolean>();
  return withPageText(() => flow.steps.filter((s) => s.when && matchPage(s.when, doc, url, seen)).map((s) => s.id));
}

/**
 * Position of a step on the flow's main path, for «шаг N из M».
 * @returns `{ index /* 1-based *\/, total }`, or null for problem steps off the path
 */
export function stepPosition(flow: Flow, stepId: string): { index: number; total: number } | null {
  const i = flow.path.indexOf(stepId);
  return i < 0 ? null : { index: i + 1, total: flow.path.length };
}

/** Looks a step up by id. @throws Error when the flow has no such step (a bug in the flow data). */
export function stepById(flow: Flow, id: string): Step {
  const s = flow.steps.find((x) => x.id === id);
  if (!s) throw new Error(`Unknown step ${id} in flow ${flow.id}`);
  return s;
}

/**
 * The text of a step for a flow variant: the variant's own, else the parent's, else any.
 * @param t a step's text (one string, or one per variant id such as `parent` / `pupil`)
 * @param variant variant id (default `parent`)
 */
export function textForVariant(t: VariantText, variant = 'parent'): string {
  if (typeof t === 'string') return t;
  return t[variant] ?? t.parent ?? Object.values(t)[0] ?? '';
}
