/**
 * The part of the page that belongs with an outlined control and must stay visible with it:
 * the dialog that holds it, else its form, else the block (section) around it. Read from what a
 * person sees — boxes, roles and the words "modal"/"dialog" in class names — not from any one
 * portal's markup. Used to keep the guide's panel clear (`utils/guide/placement.ts`).
 */

/** Elements that are dialogs to a person: native, ARIA, and the usual modal classes (Bootstrap, Fomantic, others). */
const DIALOG_LIKE = 'dialog, [role=dialog], [role=alertdialog], [aria-modal=true], [class*=modal], [class*=dialog], [class*=popup]';

/** A box "covers the screen" when it takes this share of the viewport's area or more (a backdrop, not a dialog). */
const BACKDROP_SHARE = 0.85;
/** A form taller than this share of the viewport is the page's wrapper (ASP.NET-style), not the field's form. */
const FORM_MAX_HEIGHT = 0.7;
/** A block around the control is at most this share of the viewport's height. */
const SECTION_MAX_HEIGHT = 0.45;
/** How far up a block is looked for. */
const SECTION_CLIMB = 6;

/**
 * The element holding a control that must stay visible with it, or null when there is none
 * smaller than the page.
 *
 * 1. A dialog: among the control's dialog-like ancestors, the outermost one whose box does not
 *    cover the screen (so a Bootstrap `.modal` backdrop gives way to its `.modal-dialog` box).
 * 2. Else its `form` or `fieldset`, when not taller than 70 % of the viewport.
 * 3. Else the outermost ancestor within six levels not taller than 45 % of the viewport (the
 *    block with the control's label and heading).
 * @param el the outlined control (a portal element; only read)
 */
export function holderOf(el: Element): Element | null {
  const win = el.ownerDocument.defaultView!;
  const vw = win.innerWidth;
  const vh = win.innerHeight;
  const box = (e: Element) => e.getBoundingClientRect();
  const coversScreen = (r: DOMRect) => r.width * r.height >= BACKDROP_SHARE * vw * vh;

  let dialog: Element | null = null;
  for (let e = el.parentElement; e && e !== el.ownerDocument.body; e = e.parentElement) {
    if (e.matches(DIALOG_LIKE)) {
      const r = box(e);
      if (r.width > 0 && r.height > 0 && !coversScreen(r)) dialog = e;
    }
  }
  if (dialog) return dialog;

  const form = el.closest('form, fieldset');
  if (form) {
    const r = box(form);
    if (r.height > 0 && r.height <= FORM_MAX_HEIGHT * vh && !coversScreen(r)) return form;
  }

  let section: Element | null = null;
  let e = el.parentElement;
  for (let i = 0; e && i < SECTION_CLIMB && e !== el.ownerDocument.body; i++, e = e.parentElement) {
    const r = box(e);
    if (r.height > SECTION_MAX_HEIGHT * vh) break;
    if (r.width > 0 && r.height > 0) section = e;
  }
  return section;
}
