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

/**
 * Keeps the list of filled fields readable: when it appears, or the panel changes size or place,
 * the panel scrolls (inside itself) so the list is in sight; the user's own scrolling of the
 * panel is left alone otherwise. Called by the host after every placement.
 * @param panel the panel element, or null
 * @param layout the panel's mode and side now, e.g. `full|right`
 * @param last what this returned last time (`''` at first)
 * @returns the panel's layout and size it saw the list in (`''` when there is no list)
 */
export function showFillList(panel: HTMLElement | null, layout: string, last: string): string {
  const list = panel?.querySelector<HTMLElement>('[data-testid=guide-fill-result]');
  if (!panel || !list) return '';
  const pr = panel.getBoundingClientRect();
  const at = `${layout}|${Math.round(pr.width)}|${Math.round(pr.height)}`;
  if (at === last) return at;
  const lr = list.getBoundingClientRect();
  if (lr.top < pr.top || lr.bottom > pr.bottom) panel.scrollTop += lr.top - pr.top - Math.min(48, pr.height / 4);
  return at;
}

/**
 * «Заполняю для: Смирнов Артём» — the child «Заполнить» fills for, and a choice among the
 * region's children when there are several (remembered for this tab). While «Демонстрация» is
 * on, names are replaced by «ребёнок 1», «ребёнок 2». Part of the kit, which comes with the list
 * of children when a step that fills is shown (`GuideEngine.loadChildren`).
 * @param engine the guide (its state's children and choice, `chooseChild`)
 * @param mask «Демонстрация» is on
 * @param bar the compact bar's form
 * @returns the description (`./jsx-runtime.ts`), or null before the list has come
 */
export function fillFor(engine: GuideEngine, mask: boolean, bar: boolean): Child {
  const s = engine.state;
  const list = s.fillChildren.value;
  if (!list) return null;
  if (!list.length) return s.fillChildrenMessage.value ? <p class={`pfdo-missing${bar ? ' pfdo-bar-line' : ''}`}>{s.fillChildrenMessage.value}</p> : null;
  const w = s.flow.panel ?? {};
  const name = (i: number) => (mask ? `${w.child ?? ''}${i + 1}` : list[i].label);
  const chosen = list.findIndex((c) => c.id === s.fillChild.value);
  return (
    <div class={`pfdo-fill-for${bar ? ' pfdo-bar-line' : ''}`} data-testid="guide-fill-for">
      {list.length === 1 ? (
        <span>
          {w.fillFor} <b>{name(0)}</b>
        </span>
      ) : (
        <label>
          {w.fillFor}{' '}
          <select data-testid="guide-fill-child" value={s.fillChild.value ?? ''} onChange={(e: Event) => engine.chooseChild((e.currentTarget as HTMLSelectElement).value)}>
            {chosen < 0 && (
              <option value="" disabled>
                {w.chooseOne}
              </option>
            )}
            {list.map((c, i) => (
              <option value={c.id}>
                {name(i)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
