/**
 * Calendar-date helpers on plain `YYYY-MM-DD` strings (the local calendar, no time zone,
 * never a millisecond difference — domain.md §2).
 */

/** A calendar date split into numbers: month 1–12, day 1–31. */
export interface YMD {
  y: number;
  m: number;
  d: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether a year is a leap year in the Gregorian calendar.
 * @param y full year, e.g. 2024
 */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Number of days in a month.
 * @param y full year
 * @param m month 1–12
 */
export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/**
 * Parses a real calendar date.
 * @param s `YYYY-MM-DD`, e.g. `2015-03-14`
 * @returns the parts, or `null` when the text is not `YYYY-MM-DD` or the date does not exist
 *   (e.g. `2023-02-29`, `2024-13-01`)
 */
export function parseIsoDate(s: string): YMD | null {
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

/**
 * Parses a date that must be valid.
 * @param s `YYYY-MM-DD`
 * @throws RangeError (Russian message) when `s` is not a real `YYYY-MM-DD` date
 */
export function requireIsoDate(s: string): YMD {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`Неверная дата «${s}»: нужен формат ГГГГ-ММ-ДД`);
  return p;
}

/**
 * Formats date parts.
 * @param p a date
 * @returns `YYYY-MM-DD`
 */
export function toIso(p: YMD): string {
  return `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/**
 * Compares two dates.
 * @returns negative when a < b, 0 when equal, positive when a > b
 */
export function compareYmd(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/**
 * The day before a date.
 * @param p a date
 * @returns the previous calendar day
 */
export function previousDay(p: YMD): YMD {
  if (p.d > 1) return { y: p.y, m: p.m, d: p.d - 1 };
  if (p.m > 1) return { y: p.y, m: p.m - 1, d: daysInMonth(p.y, p.m - 1) };
  return { y: p.y - 1, m: 12, d: 31 };
}

/**
 * Adds whole months, clamping the day to the end of the target month
 * (31 Aug − 6 months → 28/29 Feb).
 * @param p a date
 * @param months months to add (may be negative)
 */
export function addMonths(p: YMD, months: number): YMD {
  const total = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(p.d, daysInMonth(y, m)) };
}

/**
 * The birthday in a given year: 29 February becomes 28 February in non-leap years
 * (domain.md §2 [advice], by analogy with ГК РФ ст. 192).
 * @param birth date of birth
 * @param year the year of the anniversary
 */
export function anniversary(birth: YMD, year: number): YMD {
  if (birth.m === 2 && birth.d === 29 && !isLeapYear(year)) return { y: year, m: 2, d: 28 };
  return { y: year, m: birth.m, d: birth.d };
}

/**
 * Full calendar years between a birth date and a reference date, by y/m/d comparison
 * (domain.md §2: years = y2 − y1, minus 1 if the birthday has not come yet that year).
 * @param birth date of birth
 * @param on reference date
 * @returns age in years; negative when `on` is before `birth`
 */
export function fullYears(birth: YMD, on: YMD): number {
  const years = on.y - birth.y;
  return compareYmd(on, anniversary(birth, on.y)) < 0 ? years - 1 : years;
}

/**
 * Russian date format.
 * @param iso `YYYY-MM-DD`
 * @returns `DD.MM.YYYY`; the input unchanged when it is not a `YYYY-MM-DD` string
 */
export function formatRuDate(iso: string): string {
  const m = ISO_RE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/**
 * Today in the local calendar of this computer (not UTC).
 * @param now the moment to read (default: now)
 * @returns `YYYY-MM-DD`
 */
export function todayLocal(now: Date = new Date()): string {
  return toIso({ y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() });
}
