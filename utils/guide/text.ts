/**
 * Text as a person reads it. Pages put words into markup in many ways: capitals in the markup or
 * by CSS, `&nbsp;`, soft hyphens, zero-width characters, `<br>` and block boundaries between words,
 * icon glyphs (icon fonts use the Unicode private-use area), emoji and symbols inside buttons
 * («＋ Подать заявку», «➤ Подать заявление»). The guide compares words, not markup.
 */

/** Invisible characters that fold away: soft hyphen, zero-width space/joiners, word joiner, BOM. */
export const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Text folding used where a person compares a phrase (messages, labels): lower case, «ё» as «е»,
 * invisible characters removed, any run of whitespace (incl. no-break space) as one space, trimmed.
 * @param s any text
 * @returns the folded text, e.g. `fold('  ПОЛУЧИТЬ\u00a0 Сертификат ')` → `'получить сертификат'`
 */
export function fold(s: string | null | undefined): string {
  return (s ?? '').replace(INVISIBLE, '').toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * The words of a text: letters and digits only, folded (see {@link fold}). Icons, emoji,
 * arrows, private-use glyphs, punctuation and required-marks are not words.
 * @example words('＋ Подать\u00a0ЗАЯВКУ на сертификат!') → ['подать', 'заявку', 'на', 'сертификат']
 */
export function words(s: string | null | undefined): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether two texts say the same words in the same order (decorations and case aside). */
export function sameWords(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = words(a);
  const y = words(b);
  return x.length === y.length && x.every((w, i) => w === y[i]);
}

/** Whether the words of `want` occur in `text` as a run, in order (e.g. a phrase inside a message). */
export function containsWords(text: string | null | undefined, want: string | null | undefined): boolean {
  const t = words(text);
  const w = words(want);
  if (!w.length) return true;
  outer: for (let i = 0; i + w.length <= t.length; i++) {
    for (let j = 0; j < w.length; j++) if (t[i + j] !== w[j]) continue outer;
    return true;
  }
  return false;
}

/** Elements whose contents a person does not read as text. */
const NOT_READ = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'IMG', 'OPTION', 'SELECT', 'TEXTAREA', 'INPUT']);

/** Elements that start a new line or block: their boundaries separate words. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'LABEL', 'LEGEND', 'OPTGROUP',
]);

/** Classes of text meant for screen readers only (not on screen). */
const SR_ONLY = /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|hidden|d-none|invisible)(?:\s|$)/;

/**
 * The text a person reads in an element: its text nodes, with a space at every `<br>` and block
 * boundary (`Дополнительное<br>образование` is two words), without scripts, styles, images, SVG
 * icons, form controls' contents, elements marked `hidden` and screen-reader-only text.
 * Not folded (see {@link fold} / {@link words}). Costs one walk over the element's subtree.
 * @param el the element
 */
export function personText(el: Element): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      out.push((n as Text).data);
      return;
    }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    if (NOT_READ.has(e.tagName) || e.hasAttribute('hidden') || SR_ONLY.test(e.getAttribute('class') ?? '')) return;
    const block = BLOCK.has(e.tagName);
    if (block) out.push(' ');
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
    if (block) out.push(' ');
  };
  for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
  return out.join('');
}
