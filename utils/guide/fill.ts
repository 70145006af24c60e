import type { FILL_STATUSES, FillField, FillKey } from './types';
import type { FillValuesResponse, ScanPayload } from '@/utils/messages';
import { locate } from './locate';
import { fold, words } from './text';
import { fileFieldVisible } from './visible';
import { bestOption, isListWidget, nativeOf, pickInWidget, widgetDisabled, widgetShows } from './widget';
import { isScanType } from '@/utils/profile/scan-types';

/** Result of filling one field, shown in the panel. */
export interface FillOutcome {
  name: string;
  /** See `FILL_STATUSES` in ./types.ts. */
  status: (typeof FILL_STATUSES)[number];
  /** Russian reason for skipped fields. */
  reason?: string;
  /**
   * What a list now shows (the chosen option's text, e.g. «Смирнова Дарья»), so the panel can
   * name it («Дети: Смирнова Дарья»). Absent for typed fields: the value is in the field itself.
   */
  shown?: string;
}

/**
 * What is needed to undo a fill: the element and its value before. For a list widget (`widget`
 * true), `value` is the text it showed and `native` the value of the field it keeps its value in.
 */
export interface UndoEntry {
  el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLElement;
  value: string;
  files?: FileList | null;
  widget?: boolean;
  native?: string;
}

/** What {@link fillStep} leaves for the guide to show and keep. */
export interface StepFill {
  /** One per field of the step, in its order. */
  outcomes: FillOutcome[];
  /**
   * Every value put into the page by the fills so far (to mask while «Демонстрация» is on): a
   * date also as a date input shows it (`YYYY-MM-DD`), the scan by its file name.
   */
  values: string[];
  /** Every control the fills so far have set and that is still on the page (to cover). */
  filled: Element[];
}

/**
 * One «Заполнить» of a step, with the values the background sent ({@link fillFields}), kept
 * together with the fills before it: the undo log gets entries only for controls not in it yet
 * (so «Отменить заполнение» returns to the values before the first fill), the values and the
 * controls filled are added to the earlier ones. When the portal's page throws while a field is
 * set, this fill's changes are undone.
 * @param fields the step's fields
 * @param res the background's answer (`ok`)
 * @param doc the page's document
 * @param undo the guide's undo log (appended to)
 * @param values the values filled before
 * @param filled the controls filled before
 * @returns the outcomes and the new lists, or null when the page threw (nothing of this fill is left)
 */
export function fillStep(fields: FillField[], res: FillValuesResponse, doc: Document, undo: UndoEntry[], values: readonly string[], filled: readonly Element[]): StepFill | null {
  const already = new Set<Element>(undo.map((u) => u.el));
  const log: UndoEntry[] = [];
  let outcomes: FillOutcome[];
  try {
    outcomes = fillFields(fields, res.values, res.scan, doc, log).outcomes;
  } catch {
    try {
      undoFill(log);
    } catch {
      /* the page keeps throwing: nothing more we can do */
    }
    return null;
  }
  undo.push(...log.filter((u) => !already.has(u.el)));
  const put: string[] = [];
  for (const v of Object.values(res.values)) {
    if (typeof v !== 'string') continue;
    put.push(v);
    const shown = dateInputValue(v); // a date as a date input shows it
    if (shown) put.push(shown);
  }
  if (res.scan) put.push(res.scan.name);
  return {
    outcomes,
    values: [...new Set([...values, ...put])],
    filled: [...new Set([...filled.filter((el) => el.isConnected), ...undo.map((u) => u.el)])],
  };
}

/**
 * Undoes the fills of a step ({@link undoFill} of the whole log) and says which controls are
 * still filled.
 * @param undo the guide's undo log (not changed: the caller empties it)
 * @param filled the controls filled so far
 * @returns the controls still filled and on the page
 */
export function undoStep(undo: UndoEntry[], filled: readonly Element[]): Element[] {
  undoFill(undo);
  const undone = new Set<Element>(undo.map((u) => u.el));
  return filled.filter((el) => !undone.has(el) && el.isConnected);
}

/**
 * Fills a portal form the way a person would, so the portal's own scripts notice:
 * the native value setter, then `input` and `change` events. Selects are set by visible
 * option text (folded, whole text first, then containment); custom lists (select2, Fomantic,
 * Chosen, bootstrap-select, ARIA comboboxes) are opened and the option pressed, the only presses
 * it makes (`./widget.ts`). Every field is read back. Never touches hidden, disabled, read-only or
 * password fields, never presses a button, never submits.
 * Dates: `DD.MM.YYYY` values go into `type=date` inputs as `YYYY-MM-DD`.
 * File fields: a hidden `input type=file` is filled only when a visible label of its own is in
 * the same field (`fileFieldVisible` in `./visible.ts`); the scan only when its type is one of
 * `SCAN_TYPES` (`utils/profile/scan-types.ts`).
 * @param fields the step's fields
 * @param values profile values by key (strings)
 * @param scan optional stored scan for file fields
 * @param root document to search
 * @param undo the undo log: an entry is appended *before* each field is changed, so a caller
 *   that catches an error in the middle of a fill can put back exactly what was done
 * @returns per-field outcomes (the same `undo` array is also returned)
 * @throws whatever a portal's own event handler throws while a field is set (the caller undoes)
 */
export function fillFields(
  fields: FillField[],
  values: Partial<Record<FillKey, string>>,
  scan: ScanPayload | undefined,
  root: Document = document,
  undo: UndoEntry[] = [],
): { outcomes: FillOutcome[]; undo: UndoEntry[] } {
  const outcomes: FillOutcome[] = [];
  for (const f of fields) {
    const el = locate(f.target, root) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
    if (!el) {
      outcomes.push({ name: f.name, status: 'not-found' });
      continue;
    }
    const why = refuse(el);
    if (why) {
      outcomes.push({ name: f.name, status: 'skipped', reason: why });
      continue;
    }
    if (el instanceof root.defaultView!.HTMLInputElement && el.type === 'file') {
      if (!scan) {
        outcomes.push({ name: f.name, status: 'no-value' });
        continue;
      }
      if (!isScanType(scan.type)) {
        outcomes.push({ name: f.name, status: 'skipped', reason: 'такой тип файла скана не подходит: нужна фотография или PDF' });
        continue;
      }
      if (!fileFieldVisible(el)) {
        outcomes.push({ name: f.name, status: 'skipped', reason: 'не видно кнопки выбора файла рядом с полем' });
        continue;
      }
      undo.push({ el, value: '', files: el.files });
      setFiles(el, scan);
      outcomes.push({ name: f.name, status: el.files?.length === 1 && el.files[0].name === scan.name ? 'filled' : 'failed' });
      continue;
    }
    const value = values[f.value];
    if (!value) {
      outcomes.push({ name: f.name, status: 'no-value' });
      continue;
    }
    if (isListWidget(el)) {
      // A custom list: open it, pick the option by its text, check what it shows (./widget.ts).
      undo.push({ el: el as HTMLElement, value: widgetShows(el), widget: true, native: nativeOf(el)?.value });
      const r = pickInWidget(el, value);
      outcomes.push(r.ok ? { name: f.name, status: 'filled', shown: r.shown } : r.reason ? { name: f.name, status: 'skipped', reason: r.reason } : { name: f.name, status: 'failed' });
      continue;
    }
    const before = el.value;
    if (el instanceof root.defaultView!.HTMLSelectElement) {
      const pick = pickOption(el, value);
      if (!pick) {
        outcomes.push({ name: f.name, status: 'skipped', reason: 'в списке нет подходящего варианта' });
        continue;
      }
      undo.push({ el, value: before });
      el.value = pick.value;
      pick.selected = true;
      fire(el);
      // Read back: the list shows the chosen option (the page's handlers may have changed it).
      const now = el.selectedOptions[0];
      const holds = !!now && words(now.text).join(' ') === words(pick.text).join(' ');
      outcomes.push(holds ? { name: f.name, status: 'filled', shown: pick.text.trim() } : { name: f.name, status: 'failed' });
    } else {
      undo.push({ el, value: before });
      const want = toInputFormat(el, value);
      setValue(el, want);
      // Read back: the field holds the value, up to the page's own formatting (spaces, dashes, brackets).
      outcomes.push({ name: f.name, status: sameLettersAndDigits(el.value, want) ? 'filled' : 'failed' });
    }
  }
  return { outcomes, undo };
}


/**
 * Puts the previous values back (same events as filling).
 * @param undo the log returned by {@link fillFields}
 */
export function undoFill(undo: UndoEntry[]): void {
  for (const u of [...undo].reverse()) {
    if (!u.el.isConnected) continue;
    if (u.widget) {
      // Pick what it showed before again; a placeholder («Выберите…») is not an option: then the
      // field it keeps its value in is put back and told (select2, bootstrap-select follow it).
      if (!u.value || !pickInWidget(u.el, u.value).ok) {
        const native = nativeOf(u.el);
        if (native && u.native !== undefined) {
          native.value = u.native;
          fire(native);
        }
      }
      continue;
    }
    if ((u.el as HTMLInputElement).type === 'file') {
      const input = u.el as HTMLInputElement;
      input.files = u.files ?? new DataTransfer().files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (u.el instanceof u.el.ownerDocument.defaultView!.HTMLSelectElement) {
      u.el.value = u.value;
      fire(u.el);
    } else {
      setValue(u.el as HTMLInputElement | HTMLTextAreaElement, u.value);
    }
  }
}

/** Why a field must not be filled (Russian), or '' when it may be. */
function refuse(el: Element): string {
  const input = el as HTMLInputElement;
  if (input.type === 'password') return 'поле пароля — его заполняете только вы';
  if (input.disabled) return 'поле недоступно для изменения';
  if (input.readOnly) return 'поле только для чтения';
  if (isListWidget(el)) return widgetDisabled(el) ? 'поле недоступно для изменения' : '';
  if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) return 'это список или поле, которое помощник заполнять не умеет — впишите вручную';
  return '';
}

/** Sets a value through the native setter (frameworks that wrap `value` still see it) and fires events. */
function setValue(el: HTMLInputElement | HTMLTextAreaElement, value: string): boolean {
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  fire(el);
  return true;
}

/** Whether two values have the same letters and digits in the same order (formatting aside). */
function sameLettersAndDigits(a: string, b: string): boolean {
  return words(a).join('') === words(b).join('');
}

/** The enabled option whose visible text matches best: equal, then starts with, then contains; or null. */
function pickOption(el: HTMLSelectElement, text: string): HTMLOptionElement | null {
  return bestOption(Array.from(el.options).filter((o) => !o.disabled), (o) => o.text, text);
}

function fire(el: Element): void {
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A `DD.MM.YYYY` value as a date input takes it (`YYYY-MM-DD`), or null for any other value. */
function dateInputValue(value: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** `DD.MM.YYYY` → `YYYY-MM-DD` for date inputs; other values as they are. */
function toInputFormat(el: HTMLInputElement | HTMLTextAreaElement, value: string): string {
  return ((el as HTMLInputElement).type === 'date' && dateInputValue(value)) || value;
}

/** Puts the stored scan into a file input via DataTransfer, as a drop would. */
function setFiles(el: HTMLInputElement, scan: ScanPayload): void {
  const bytes = Uint8Array.from(atob(scan.base64), (c) => c.charCodeAt(0));
  const dt = new DataTransfer();
  dt.items.add(new File([bytes], scan.name, { type: scan.type }));
  el.files = dt.files;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}
