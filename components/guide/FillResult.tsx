/** @jsxImportSource @/components/guide */
import type { Child } from './jsx-runtime';
import type { GuideEngine } from '@/utils/guide/engine';
import type { FillOutcome } from '@/utils/guide/fill';

/**
 * What the panel shows after «Заполнить» (part of the fill kit, `utils/guide/kit.ts`: there is
 * no result before the kit is loaded): the filled fields, a line each, «Отменить заполнение» and
 * the reminder to check the values. The descriptions are plain data (`./jsx-runtime.ts`), drawn
 * by the content script's renderer.
 * @param engine the guide (its state's outcomes, `canUndo`, `undoFill`)
 * @param safe masks personal values while «Демонстрация» is on
 * @param bar the compact bar's form: the list in a line with the undo in it, no reminder
 * @returns the description, or null when there is no result
 */
export function fillResult(engine: GuideEngine, safe: (t: string) => string, bar: boolean): Child {
  const s = engine.state;
  const w = s.flow.panel ?? {};
  const outcomes = s.fillOutcomes.value;
  const undo = engine.canUndo && (
    <button class={bar ? 'pfdo-link' : 'pfdo-secondary'} type="button" data-testid="guide-undo" onClick={() => engine.undoFill()}>
      {w.undo}
    </button>
  );
  const list = outcomes && (
    <ul class={`pfdo-filled${bar ? ' pfdo-bar-line' : ''}`} data-testid="guide-fill-result">
      {outcomes.map((o) => (
        <li class={`is-${o.status}`}>{outcomeText(o, safe, w.fill)}</li>
      ))}
      {bar && undo && <li class="pfdo-bar-undo">{undo}</li>}
    </ul>
  );
  return bar ? list : [undo, list, outcomes && <p class="pfdo-note">{w.checkValues}</p>];
}

/**
 * One line of the fill result: «Серия: заполнено», a list's chosen value («Дети: Смирнова
 * Дарья»), or what went wrong with the reason (the status in `words`, the panel's words; the
 * status id itself when they did not come). Personal values pass through `safe` (masked
 * while «Демонстрация» is on).
 */
export function outcomeText(o: FillOutcome, safe: (t: string) => string, words: Record<FillOutcome['status'], string> | undefined): string {
  if (o.status === 'filled' && o.shown) return `${safe(o.name)}: ${safe(o.shown)}`;
  return `${safe(o.name)}: ${words?.[o.status] ?? o.status}${o.reason ? ` (${safe(o.reason)})` : ''}`;
}
