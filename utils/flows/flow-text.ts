/**
 * A flow's words and how they join its steps. Each flow file (`sgo.ts`, `cabinet.ts`) keeps the
 * steps as a page needs them (`PageFlow`: recognition, targets, fills) apart from their words
 * (`FlowText`), and joins them into the whole `Flow` for everybody else (background, pages,
 * training portal, tests). The portals' content script carries no flow: the background sends it
 * the whole flow of its portal at start (`flow:get`).
 */
import type { Flow, FlowText, PageFlow, StepText } from '@/utils/guide/types';

/**
 * What a step says when the words table has no entry for it (a flow file's mistake: the flow-text
 * unit test makes sure every step has its words, so the panel never shows an empty step).
 */
export const NO_TEXT = 'Подсказка к шагу не загрузилась: перезагрузите страницу.';

/**
 * Joins a page flow and its words into a whole flow (new step objects; the inputs are not changed).
 * A step without words gets an empty title and {@link NO_TEXT}.
 * @param page the steps as the page needs them
 * @param text the words, by step id (default: none)
 */
export function withText(page: PageFlow, text: Omit<FlowText, 'panel'> & Partial<Pick<FlowText, 'panel'>> = { portal: '', steps: {}, advice: [] }): Flow {
  const words = (id: string): StepText => text.steps[id] ?? { title: '', instruction: NO_TEXT };
  return { ...page, portal: text.portal, advice: text.advice, panel: text.panel ?? {}, steps: page.steps.map((s) => ({ ...s, ...words(s.id) })) };
}
