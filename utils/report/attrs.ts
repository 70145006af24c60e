/**
 * Which attributes a page description keeps, and how each is masked: the one list, used by the
 * description (`describe.ts`) and by its check (`audit.ts`).
 */

/** How an attribute's value is kept. */
export type AttrKind =
  /** `id`: a masked identifier, unique within the description */
  | 'id'
  /** `class`, `name`: masked identifiers */
  | 'ident'
  /** interface text (`title`, `aria-label`…): the vocabulary's words, the rest by shape */
  | 'text'
  /** names other elements by id (`for`, `aria-labelledby`…) */
  | 'ref'
  /** presence only (`disabled`, `onclick`…): kept as `""` */
  | 'flag'
  /** an HTML/ARIA keyword (`type`, `role`, `aria-expanded`): `maskKeyword` */
  | 'keyword'
  /** `data-target`: `#id` of another element */
  | 'target'
  /** other `data-*`: by shape */
  | 'data'
  /** `href`, `action`: path only (masked), `#id`, or another host's name */
  | 'address'
  /** an `<input type=submit|button|reset>`'s `value`: its label (interface text) */
  | 'label-value';

const TEXT = new Set(['title', 'alt', 'placeholder', 'aria-label', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'aria-description', 'label']);
const REF = new Set(['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto', 'list', 'form']);
const KEYWORDS = new Set([
  'type', 'role', 'method', 'autocomplete', 'inputmode', 'contenteditable', 'dir', 'lang', 'target', 'tabindex', 'colspan', 'rowspan', 'scope',
  'data-toggle', 'data-bs-toggle', 'data-dismiss', 'data-bs-dismiss',
]);
const FLAGS = new Set([
  'disabled', 'readonly', 'required', 'checked', 'selected', 'multiple', 'hidden', 'open', 'inert', 'novalidate', 'draggable',
  // clickable by script: only the presence tells
  'onclick', 'ng-click', 'data-ng-click', 'v-on:click', '@click', '(click)',
]);
const TARGETS = new Set(['data-target', 'data-bs-target']);
/** Input types whose value is their label (a button's text). */
export const LABEL_VALUE_TYPES = new Set(['submit', 'button', 'reset']);

/**
 * @param name attribute name, lower case
 * @param el the element (for `value` of button-like inputs); omit when checking a description
 * @returns how it is kept, or null when it is left out (`style`, `src`, `value` of fields…)
 */
export function attrKind(name: string, el?: { tagName: string; type?: string } | 'label-value'): AttrKind | null {
  if (name === 'id') return 'id';
  if (name === 'class' || name === 'name') return 'ident';
  if (TEXT.has(name)) return 'text';
  if (REF.has(name)) return 'ref';
  if (FLAGS.has(name)) return 'flag';
  if (TARGETS.has(name)) return 'target';
  if (KEYWORDS.has(name) || name.startsWith('aria-')) return 'keyword';
  if (name.startsWith('data-')) return 'data';
  if (name === 'href' || name === 'action') return el && el !== 'label-value' && el.tagName === 'LINK' ? null : 'address';
  if (name === 'value' && (el === 'label-value' || (el && el.tagName === 'INPUT' && LABEL_VALUE_TYPES.has(el.type ?? '')))) return 'label-value';
  return null;
}
