import { fold, personText, sameWords, words } from './text';
import { isVisible } from './visible';

/**
 * Custom lists that stand in for a native `select`: ARIA comboboxes and listboxes,
 * Semantic/Fomantic `ui dropdown`, select2, Chosen, bootstrap-select, selectize, Choices. A person uses them like a form control: open, pick an option by its text.
 */
export const LIST_WIDGETS =
  '[role=combobox], [role=listbox], .ui.dropdown, .select2-container, .chosen-container, .bootstrap-select, .selectize-control, .choices';

/** Every custom widget a person fills: the list widgets and editable regions. */
export const WIDGETS = [LIST_WIDGETS, '[role=textbox]', '[contenteditable=true]'].join(', '); // one copy in the bundle (a template would be inlined at each use)

/** The part of a widget a person clicks to open its list. */
const OPENER = '[role=combobox], .select2-selection, .chosen-single, .dropdown-toggle, .selectize-input, .choices__inner';

/** Options of an open list, by ARIA role or by the libraries' own markup. */
const OPTION =
  '[role=option], .menu > .item, .select2-results__option, .chosen-results li.active-result, .dropdown-menu li > a, .dropdown-menu .dropdown-item, .selectize-dropdown .option, .choices__item--choice';

/** Lists (menus) inside widgets. */
const LIST = '[role=listbox], .menu, .dropdown-menu, .chosen-drop, .select2-dropdown';

/** Native fields a widget keeps its value in. */
const NATIVE = 'select, input[type=hidden]';

/**
 * The visible control a person uses for a native field: the field itself, unless it is a `select`
 * or `input type=hidden` concealed behind a widget (hidden, `aria-hidden`, or a box of a pixel or
 * two as select2 leaves it) — then the widget around it (Fomantic, bootstrap-select) or right
 * after it (select2, Chosen). A field that is plainly visible is never swapped for a neighbour.
 * @param el a control found by its label (`<label for>`, `aria-labelledby`, the next element)
 */
export function shownControl(el: Element): Element {
  if (!el.matches(NATIVE) || !concealed(el)) return el;
  const around = el.parentElement?.closest(WIDGETS);
  if (around && isVisible(around)) return around;
  let next = el.nextElementSibling;
  for (let i = 0; next && i < 2; i++, next = next.nextElementSibling) {
    if (next.matches(WIDGETS) && isVisible(next)) return next;
  }
  return el;
}

/** Whether a native field is out of a person's sight: hidden, `aria-hidden`, or a box of ≤ 2 px. */
function concealed(el: Element): boolean {
  if (!isVisible(el) || el.getAttribute('aria-hidden') === 'true') return true;
  const r = el.getBoundingClientRect();
  return el.ownerDocument.documentElement.getClientRects().length > 0 && (r.width <= 2 || r.height <= 2);
}

/**
 * The native field a widget keeps its value in: inside it (Fomantic's hidden input,
 * bootstrap-select's select) or right before it (select2, Chosen), or null.
 */
export function nativeOf(widget: Element): HTMLSelectElement | HTMLInputElement | null {
  const inside = widget.querySelector(NATIVE);
  if (inside) return inside as HTMLSelectElement | HTMLInputElement;
  const prev = widget.previousElementSibling;
  return prev && prev.matches('select') && concealed(prev) ? (prev as HTMLSelectElement) : null;
}

/** Whether the element is a list widget «Заполнить» can drive (not an editable region). */
export function isListWidget(el: Element): boolean {
  // A native field that merely carries a library's class (`<select class="ui dropdown">` before
  // the library wraps it) is filled as the native field it is.
  return el.matches(LIST_WIDGETS) && !el.matches('input, textarea, select');
}

/** Whether the widget says it cannot be used now (`aria-disabled`, the libraries' `disabled` classes). */
export function widgetDisabled(widget: Element): boolean {
  const native = nativeOf(widget);
  return (
    widget.getAttribute('aria-disabled') === 'true' ||
    widget.matches('.disabled, .select2-container--disabled, .chosen-disabled') ||
    !!widget.querySelector('[aria-disabled=true]:is([role=combobox], .select2-selection)') ||
    !!(native && native.disabled)
  );
}

/**
 * What the widget shows as chosen, as a person reads it: its visible text without the open list
 * (an `input` combobox: its value).
 */
export function widgetShows(widget: Element): string {
  if (widget.matches('input')) return (widget as HTMLInputElement).value;
  // Its text without its list, open or closed (a closed list is hidden by the library's CSS).
  const clone = widget.cloneNode(true) as Element;
  clone.querySelectorAll(`${LIST}, ${OPTION}`).forEach((m) => m.remove());
  return words(personText(clone)).join(' ');
}

/** Presses an element as a pointer would: pointer/mouse down and up, then click, at its centre. */
function press(el: Element): void {
  const r = el.getBoundingClientRect();
  const at = { bubbles: true, cancelable: true, composed: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0 };
  // The script's own event constructors, as for the fill's input/change events (Firefox's content
  // scripts see the page's window through X-rays).
  const Pointer = typeof PointerEvent === 'function' ? PointerEvent : MouseEvent;
  (el as HTMLElement).focus?.({ preventScroll: true });
  el.dispatchEvent(new Pointer('pointerdown', at));
  el.dispatchEvent(new MouseEvent('mousedown', at));
  el.dispatchEvent(new Pointer('pointerup', at));
  el.dispatchEvent(new MouseEvent('mouseup', at));
  el.dispatchEvent(new MouseEvent('click', at));
}

/** Closes a widget's list the way a person would: Escape on it. */
function close(opener: Element): void {
  for (const type of ['keydown', 'keyup'] as const) {
    opener.dispatchEvent(new KeyboardEvent(type, { key: 'Escape', code: 'Escape', keyCode: 27, bubbles: true, cancelable: true } as KeyboardEventInit));
  }
}

/** The options a person sees in the list the widget opened. */
function openOptions(widget: Element, opener: Element, before: Set<Element>): Element[] {
  const doc = widget.ownerDocument;
  const ids = `${opener.getAttribute('aria-controls') ?? ''} ${opener.getAttribute('aria-owns') ?? ''} ${widget.getAttribute('aria-controls') ?? ''} ${widget.getAttribute('aria-owns') ?? ''}`
    .split(/\s+/)
    .filter(Boolean);
  const lists = ids.map((id) => doc.getElementById(id)).filter((x): x is HTMLElement => !!x);
  const visible = (els: Element[]) => els.filter((o) => isVisible(o) && !o.matches('.disabled, [aria-disabled=true], .select2-results__option--disabled, .disabled-result'));
  for (const l of lists) {
    const opts = visible(Array.from(l.querySelectorAll(OPTION)));
    if (opts.length) return opts;
  }
  const inside = visible(Array.from(widget.querySelectorAll(OPTION)));
  if (inside.length) return inside;
  // A list the library put elsewhere on the page (select2 appends it to <body>): what appeared now.
  return visible(Array.from(doc.querySelectorAll(OPTION))).filter((o) => !before.has(o));
}

/** The option whose text matches best: equal, then starts with, then contains (as for a native select). */
export function bestOption<T>(items: T[], text: (t: T) => string, value: string): T | null {
  const want = fold(value);
  return (
    items.find((o) => fold(text(o)) === want) ??
    items.find((o) => fold(text(o)).startsWith(want) || (want.startsWith(fold(text(o))) && fold(text(o)).length > 3)) ??
    items.find((o) => fold(text(o)).includes(want)) ??
    null
  );
}

/** The result of picking in a widget. */
export type WidgetPick = { ok: true; shown: string } | { ok: false; reason?: string };

/**
 * Picks an option in a list widget the way a person does: opens it, finds the option by its text,
 * presses it, and checks that the widget now shows that text (and, where it keeps a native
 * `select`, that the select chose it). Synchronous: lists that render later than the press are
 * reported as not done, never guessed.
 * @param widget a list widget ({@link isListWidget})
 * @param value the wanted option's text (e.g. «Свидетельство о рождении»)
 * @returns `ok` with the shown text, or why not (`reason` when no option matches)
 */
export function pickInWidget(widget: Element, value: string): WidgetPick {
  const doc = widget.ownerDocument;
  const opener = widget.matches(OPENER) ? widget : (widget.querySelector(OPENER) ?? widget);
  const before = new Set(Array.from(doc.querySelectorAll(OPTION)).filter((o) => isVisible(o)));
  press(opener);
  let options = openOptions(widget, opener, before);
  // Lists that open on focus (Fomantic's showOnFocus) are closed again by the click that follows
  // the focus: a second press opens them, as a person clicks again.
  if (!options.length) {
    press(opener);
    options = openOptions(widget, opener, before);
  }
  const pick = bestOption(options, (o) => personText(o), value);
  if (!pick) {
    if (options.length) close(opener);
    if (options.length && isVisible(options[0])) press(opener);
    return options.length ? { ok: false, reason: 'в списке нет подходящего варианта' } : { ok: false };
  }
  const text = personText(pick);
  press(pick);
  const native = nativeOf(widget);
  const nativeOk =
    !native ||
    (native instanceof doc.defaultView!.HTMLSelectElement ? sameWords(native.selectedOptions[0]?.text, text) : native.value !== '');
  const shows = widget.matches('[role=listbox]')
    ? pick.getAttribute('aria-selected') === 'true' || pick.matches('.selected, .active')
    : words(widgetShows(widget)).join(' ').includes(words(text).join(' '));
  if (isVisible(pick)) close(opener);
  return shows && nativeOk ? { ok: true, shown: text.trim() } : { ok: false };
}
