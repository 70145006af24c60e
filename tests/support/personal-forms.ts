/**
 * Every form in which a personal value may show up on a page (issue 10's property test): as
 * written, in capitals and small letters, without separators, digits only, and dates in the
 * common formats (`14.03.2015`, `2015-03-14`, `14/03/2015`, `14-03-2015`, `14032015`,
 * `20150314`, `14.3.2015`, `14 марта 2015`). Name parts and address words of 4 letters or more
 * count on their own. Forms shorter than 4 characters are dropped (they occur anywhere).
 */

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** Words of a value that identify on their own: letters only, 4 or more, not a common address word. */
const COMMON = new Set(['отдел', 'отделом', 'загс', 'уфмс', 'области', 'кемеровской', 'демо', 'demo', 'example']);

/**
 * @param values personal values (e.g. `personalValues()` of the fictional family)
 * @returns the distinct forms to look for (compare case-insensitively)
 */
export function formsOf(values: readonly string[]): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    if (s.length >= 4) out.add(s);
  };
  for (const v of values) {
    add(v);
    add(v.replace(/[\s\-.()/,]+/g, ''));
    const digits = v.replace(/\D/g, '');
    if (digits.length >= 6) add(digits);
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (iso) {
      const [, y, m, d] = iso;
      for (const f of [`${d}.${m}.${y}`, `${d}/${m}/${y}`, `${d}-${m}-${y}`, `${d}${m}${y}`, `${y}${m}${d}`, `${Number(d)}.${Number(m)}.${y}`, `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`, `${d}.${m}.${y.slice(2)}`]) add(f);
    }
    for (const w of v.split(/[^\p{L}]+/u)) if (w.length >= 4 && !COMMON.has(w.toLowerCase())) add(w);
  }
  return [...out];
}
