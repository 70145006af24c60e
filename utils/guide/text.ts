/**
 * Text folding used everywhere a person compares words on a page:
 * lower case, «ё» as «е», any run of whitespace (incl. no-break space) as one space, trimmed.
 * @param s any text
 * @returns the folded text, e.g. `fold('  ПОЛУЧИТЬ\u00a0 Сертификат ')` → `'получить сертификат'`
 */
export function fold(s: string | null | undefined): string {
  return (s ?? '').toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Characters XPath's translate() maps: Latin and Cyrillic capitals, «ё»/«Ё» and the no-break space. */
const FROM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁё\u00a0';
const TO = FROM.slice(0, -3).toLowerCase() + 'ее ';

/**
 * XPath 1.0 expression that folds the string value of `expr` like {@link fold}
 * (case, «ё», no-break spaces, whitespace runs), so text search runs natively in the browser.
 * @param expr an XPath expression, e.g. `.` or `@title`
 */
export function xpathFold(expr: string): string {
  return `normalize-space(translate(${expr}, '${FROM}', '${TO}'))`;
}

/**
 * Quotes a string as an XPath 1.0 literal (handles both quote kinds with concat()).
 * @param s text to quote
 */
export function xpathLiteral(s: string): string {
  if (!s.includes("'")) return `'${s}'`;
  if (!s.includes('"')) return `"${s}"`;
  return `concat('${s.split("'").join(`', "'", '`)}')`;
}
