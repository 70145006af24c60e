/**
 * Whether a person can see the element: rendered, not `display:none`, not `visibility:hidden`,
 * not inside a closed `<details>`/hidden ancestor. Uses `Element.checkVisibility()` where the
 * browser has it; otherwise (jsdom in unit tests) walks the ancestors' computed style.
 * @param el element to test
 * @returns true when it is visible
 */
export function isVisible(el: Element): boolean {
  if (!el.isConnected) return false;
  const anyEl = el as Element & { checkVisibility?: (o?: object) => boolean };
  if (typeof anyEl.checkVisibility === 'function' && typeof (el as HTMLElement).offsetParent !== 'undefined' && hasLayout(el)) {
    if (!anyEl.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true })) return false;
    // Native controls hidden behind a widget (e.g. select2) have a zero box.
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0 || el.getClientRects().length > 0;
  }
  const win = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.hasAttribute('hidden')) return false;
    if ((e as HTMLInputElement).type === 'hidden' && e.tagName === 'INPUT') return false;
    if (e !== el && e.tagName === 'DETAILS' && !e.hasAttribute('open') && !el.closest('summary')) return false;
    const style = win?.getComputedStyle(e);
    if (style && (style.display === 'none' || (e === el && style.visibility === 'hidden'))) return false;
  }
  return true;
}

/** True in a real browser with layout (jsdom reports no boxes for anything). */
function hasLayout(el: Element): boolean {
  return el.ownerDocument.documentElement.getClientRects().length > 0;
}

/**
 * Whether a person can see a file field: the input itself, or — for the usual hidden input
 * behind a styled button — a visible `<label>` of its own (`for` or wrapping) that sits in the
 * same field, i.e. inside the input's ancestor three levels up. A label elsewhere on the page
 * (a decoy pointing at a hidden input) does not count.
 * @param input an `input type=file`
 */
export function fileFieldVisible(input: HTMLInputElement): boolean {
  if (isVisible(input)) return true;
  let field: Element = input;
  for (let i = 0; i < 3 && field.parentElement; i++) field = field.parentElement;
  return Array.from(input.labels ?? []).some((l) => isVisible(l) && field.contains(l));
}
