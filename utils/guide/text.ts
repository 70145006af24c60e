/**
 * Text folding used everywhere a person compares words on a page:
 * lower case, «ё» as «е», any run of whitespace (incl. no-break space) as one space, trimmed.
 * @param s any text
 * @returns the folded text, e.g. `fold('  ПОЛУЧИТЬ\u00a0 Сертификат ')` → `'получить сертификат'`
 */
export function fold(s: string | null | undefined): string {
  return (s ?? '').toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}
