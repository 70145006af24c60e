/**
 * Whether a child can get the certificate on a date, and from/until when (domain.md §2).
 */
import { addMonths, anniversary, compareYmd, formatRuDate, fullYears, previousDay, requireIsoDate, toIso } from './dates';

export { formatRuDate, todayLocal } from './dates';

/**
 * - `too-young`: under the municipality's minimum age (default 5);
 * - `eligible`: minAge … 13 full years, a parent or legal representative applies;
 * - `self-eligible`: 14 … 17 full years, the child may also apply alone;
 * - `too-old`: 18 or older.
 */
export type EligibilityStatus = 'too-young' | 'eligible' | 'self-eligible' | 'too-old';

/** Result of {@link assessEligibility}. All dates are `YYYY-MM-DD`. */
export interface Eligibility {
  status: EligibilityStatus;
  /** Full calendar years on the reference date (0 when the birth date is after it). */
  age: number;
  /** The birthday on which the child reaches the minimum age. */
  eligibleFrom: string;
  /** The day before the 18th birthday: the last day the certificate can be got and used. */
  eligibleUntil: string;
  /** The 14th birthday: from then on the child may apply alone. */
  selfFrom: string;
  /** Less than 6 months remain before the 18th birthday (and the child is still eligible). */
  endingSoon: boolean;
  /** Russian note for children born on 29 February, else `undefined`. */
  leapDayNote?: string;
  /** Short Russian label: «можно получить», «станет доступен с DD.MM.YYYY», … */
  label: string;
  /** Russian details with dates, e.g. «действует до 13.03.2033», «самостоятельно — с 14.03.2029». */
  details: string[];
}

/** Options of {@link assessEligibility}. */
export interface EligibilityOptions {
  /** Minimum age set by the municipality (domain.md §2; default 5). */
  minAge?: number;
}

/** Age from which a child may apply alone (seeds 000/001/004). */
export const SELF_APPLY_AGE = 14;
/** Age at which the certificate is no longer available: eligible up to 17 full years. */
export const MAX_AGE_EXCLUSIVE = 18;
/** Default minimum age (domain.md §2). */
export const DEFAULT_MIN_AGE = 5;

/**
 * Assesses eligibility by full calendar years (domain.md §2): eligible ⇔ minAge ≤ age ≤ 17,
 * i.e. from the 5th birthday through the day before the 18th birthday. Age is computed by
 * y/m/d comparison, never from milliseconds. Someone born on 29 February has the birthday
 * on 28 February in non-leap years [advice, by analogy with ГК РФ ст. 192].
 * @param birthDate date of birth, `YYYY-MM-DD`
 * @param today reference date (the application date, local calendar), `YYYY-MM-DD`
 * @param opts `minAge` of the municipality (default 5)
 * @returns status, age, the key dates and Russian label/details
 * @throws RangeError (Russian message) when a date is not a real `YYYY-MM-DD` date
 */
export function assessEligibility(birthDate: string, today: string, opts: EligibilityOptions = {}): Eligibility {
  const minAge = opts.minAge ?? DEFAULT_MIN_AGE;
  const birth = requireIsoDate(birthDate);
  const now = requireIsoDate(today);
  const age = Math.max(0, fullYears(birth, now));
  const from = anniversary(birth, birth.y + minAge);
  const eighteen = anniversary(birth, birth.y + MAX_AGE_EXCLUSIVE);
  const until = previousDay(eighteen);
  const self = anniversary(birth, birth.y + SELF_APPLY_AGE);
  const leapDayNote =
    birth.m === 2 && birth.d === 29
      ? 'Ребёнок родился 29 февраля: в невисокосные годы день рождения считается 28 февраля'
      : undefined;

  const notYet = compareYmd(now, from) < 0;
  const over = compareYmd(now, eighteen) >= 0;
  const status: EligibilityStatus = notYet ? 'too-young' : over ? 'too-old' : age >= SELF_APPLY_AGE ? 'self-eligible' : 'eligible';
  const endingSoon = !notYet && !over && compareYmd(now, addMonths(eighteen, -6)) >= 0;

  const F = (p: { y: number; m: number; d: number }) => formatRuDate(toIso(p));
  const details: string[] = [];
  let label: string;
  switch (status) {
    case 'too-young':
      label = `станет доступен с ${F(from)}`;
      details.push(`можно получить с ${F(from)}`, `действует до ${F(until)}`);
      break;
    case 'eligible':
      label = 'можно получить';
      details.push(`действует до ${F(until)}`, `самостоятельно — с ${F(self)}`);
      break;
    case 'self-eligible':
      label = 'можно получить — с 14 лет может подать сам';
      details.push(`действует до ${F(until)}`, `самостоятельно — с ${F(self)}`);
      break;
    case 'too-old':
      label = 'уже нельзя: исполнилось 18';
      details.push(`18 лет исполнилось ${F(eighteen)}`);
      break;
  }
  if (endingSoon) details.push(`до 18 лет осталось меньше полугода — оформите сертификат до ${F(until)}`);
  if (leapDayNote) details.push(leapDayNote);

  return {
    status,
    age,
    eligibleFrom: toIso(from),
    eligibleUntil: toIso(until),
    selfFrom: toIso(self),
    endingSoon,
    ...(leapDayNote ? { leapDayNote } : {}),
    label,
    details,
  };
}

/**
 * Russian word for «years» agreeing with the number: 1 год, 2 года, 5 лет, 11 лет, 21 год.
 * @param n a non-negative integer
 * @returns e.g. `9 лет`
 */
export function formatAge(n: number): string {
  const d10 = n % 10;
  const d100 = n % 100;
  const word = d10 === 1 && d100 !== 11 ? 'год' : d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14) ? 'года' : 'лет';
  return `${n} ${word}`;
}
