/**
 * Small pure formatters for the printed papers: dates, initials, file names.
 * No pdf-lib here, so the popup may import this module statically.
 */

const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** A calendar date split for the «DD» месяца YYYY г. line. */
export interface PaperDate {
  /** Two-digit day, «05». */
  day: string;
  /** Month in the genitive case, «марта». */
  month: string;
  /** Four-digit year, «2025». */
  year: string;
}

/**
 * Parses an application date `YYYY-MM-DD` (local calendar date, no time zone).
 * Returns `undefined` for an absent or empty value (→ blank date line).
 * Throws `RangeError` for a malformed string or an impossible date (e.g. 2025-02-30).
 */
export function parsePaperDate(value: string | undefined): PaperDate | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) throw new RangeError(`Дата заявления должна быть в формате ГГГГ-ММ-ДД, получено «${value}»`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`Такой даты нет в календаре: «${value}»`);
  }
  return { day: m[3], month: MONTHS_GENITIVE[mo - 1], year: m[1] };
}

/**
 * Formats `YYYY-MM-DD` as «05» марта 2025 г. (the usual Russian form of a
 * document date). Throws like `parsePaperDate`; returns '' for an absent date.
 */
export function formatPaperDate(value: string | undefined): string {
  const d = parsePaperDate(value);
  return d ? `«${d.day}» ${d.month} ${d.year} г.` : '';
}

/**
 * Collapses all whitespace (incl. line breaks and NBSP) to single spaces, drops
 * control characters, trims, and composes letters typed as a base and a mark
 * (NFC: «и» + U+0306 → «й», as the font has them as one glyph). Returns '' for undefined.
 */
export function cleanText(value: string | undefined): string {
  if (!value) return '';
  return value
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * «Иванова Анна-Мария Петровна» → «Иванова А.-М. П.»: surname plus initials,
 * as written in «расшифровка подписи». Returns '' for an empty name; a single
 * word is returned unchanged.
 */
export function surnameWithInitials(fullName: string | undefined): string {
  const parts = cleanText(fullName).split(' ').filter(Boolean);
  if (parts.length === 0) return '';
  const [surname, ...rest] = parts;
  const initials = rest
    .map((p) =>
      p
        .split('-')
        .filter(Boolean)
        .map((s) => `${s[0].toUpperCase()}.`)
        .join('-'),
    )
    .join(' ');
  return initials ? `${surname} ${initials}` : surname;
}

/**
 * The surname (first word) of a full name, reduced to characters safe in a
 * file name (letters of any script, digits, hyphen). '' when absent.
 */
export function fileSafeSurname(fullName: string | undefined): string {
  const first = cleanText(fullName).split(' ')[0] ?? '';
  return first.replace(/[^\p{L}\p{N}-]/gu, '').slice(0, 40);
}
