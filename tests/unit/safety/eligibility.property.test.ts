/**
 * Property-based tests of the eligibility rule (fast-check): for random birth and reference
 * dates the age is never negative, the status only moves forward in time
 * (too-young → eligible → self-eligible → too-old), the boundaries fall exactly on the 5th and
 * 18th birthdays, and 29 February births have their birthday on 28 February in common years.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessEligibility, type EligibilityStatus } from '@/utils/profile/eligibility';

const RUNS = { numRuns: 1000 };
const ORDER: Record<EligibilityStatus, number> = { 'too-young': 0, eligible: 1, 'self-eligible': 2, 'too-old': 3 };

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const dim = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A real calendar date between 1950 and 2100 (via a UTC day count: independent of the code under test). */
const date = fc.integer({ min: Date.UTC(1950, 0, 1) / 864e5, max: Date.UTC(2100, 11, 31) / 864e5 }).map((day) => new Date(day * 864e5).toISOString().slice(0, 10));
/** A birth date in a leap year on 29 February. */
const leapBirth = fc.integer({ min: 1988, max: 2040 }).filter(isLeap).map((y) => `${y}-02-29`);
const birth = fc.oneof({ weight: 4, arbitrary: date }, { weight: 1, arbitrary: leapBirth });

/** The birthday in a year: 29 Feb → 28 Feb in common years. */
function birthday(b: string, year: number): string {
  const [, m, d] = b.split('-').map(Number);
  return m === 2 && d === 29 && !isLeap(year) ? iso(year, 2, 28) : iso(year, m, d);
}
function dayBefore(s: string): string {
  const t = new Date(`${s}T00:00:00Z`);
  return new Date(t.getTime() - 864e5).toISOString().slice(0, 10);
}
const yearOf = (s: string) => Number(s.slice(0, 4));

describe('assessEligibility (properties)', () => {
  it('age is never negative and equals full calendar years', () => {
    fc.assert(
      fc.property(birth, date, (b, t) => {
        const e = assessEligibility(b, t);
        expect(e.age).toBeGreaterThanOrEqual(0);
        const years = yearOf(t) - yearOf(b) - (t < birthday(b, yearOf(t)) ? 1 : 0);
        expect(e.age).toBe(Math.max(0, years));
      }),
      RUNS,
    );
  });

  it('status is monotonic over time: never goes back', () => {
    fc.assert(
      fc.property(birth, date, date, (b, t1, t2) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        expect(ORDER[assessEligibility(b, late).status]).toBeGreaterThanOrEqual(ORDER[assessEligibility(b, early).status]);
      }),
      RUNS,
    );
  });

  it('status matches the age: <5 too young, 5–13 eligible, 14–17 self-eligible, ≥18 too old', () => {
    fc.assert(
      fc.property(birth, date, (b, t) => {
        const e = assessEligibility(b, t);
        const want: EligibilityStatus = e.age < 5 ? 'too-young' : e.age < 14 ? 'eligible' : e.age < 18 ? 'self-eligible' : 'too-old';
        expect(e.status).toBe(want);
      }),
      RUNS,
    );
  });

  it('eligible exactly from the 5th birthday, not the day before; too old on the 18th, not the day before', () => {
    fc.assert(
      fc.property(birth.filter((b) => yearOf(b) <= 2080), (b) => {
        const fifth = birthday(b, yearOf(b) + 5);
        const eighteenth = birthday(b, yearOf(b) + 18);
        expect(assessEligibility(b, dayBefore(fifth)).status).toBe('too-young');
        expect(assessEligibility(b, fifth).status).toBe('eligible');
        expect(assessEligibility(b, dayBefore(eighteenth)).status).toBe('self-eligible');
        expect(assessEligibility(b, eighteenth).status).toBe('too-old');
        expect(assessEligibility(b, birthday(b, yearOf(b) + 14)).status).toBe('self-eligible');
        expect(assessEligibility(b, dayBefore(birthday(b, yearOf(b) + 14))).status).toBe('eligible');
      }),
      RUNS,
    );
  });

  it('eligibleFrom is the 5th birthday, eligibleUntil the day before the 18th, selfFrom the 14th', () => {
    fc.assert(
      fc.property(birth, date, (b, t) => {
        const e = assessEligibility(b, t);
        expect(e.eligibleFrom).toBe(birthday(b, yearOf(b) + 5));
        expect(e.eligibleUntil).toBe(dayBefore(birthday(b, yearOf(b) + 18)));
        expect(e.selfFrom).toBe(birthday(b, yearOf(b) + 14));
        // eligible exactly on [eligibleFrom, eligibleUntil]
        const inside = t >= e.eligibleFrom && t <= e.eligibleUntil;
        expect(e.status === 'eligible' || e.status === 'self-eligible').toBe(inside);
      }),
      RUNS,
    );
  });

  it('a municipality minimum age moves only the lower bound', () => {
    fc.assert(
      fc.property(birth, date, fc.integer({ min: 3, max: 7 }), (b, t, minAge) => {
        const e = assessEligibility(b, t, { minAge });
        expect(e.eligibleFrom).toBe(birthday(b, yearOf(b) + minAge));
        expect(e.status === 'too-young').toBe(t < e.eligibleFrom);
      }),
      RUNS,
    );
  });

  it('29 February: birthday on 28 February in common years, on 29 February in leap years', () => {
    fc.assert(
      fc.property(leapBirth, (b) => {
        const y = yearOf(b);
        const e = assessEligibility(b, iso(y + 1, 1, 1));
        expect(e.leapDayNote).toMatch(/29 февраля/);
        const y5 = y + 5; // never a leap year when y is one (y+5 is odd)
        expect(e.eligibleFrom).toBe(iso(y5, 2, 28));
        expect(assessEligibility(b, iso(y5, 2, 27)).status).toBe('too-young');
        expect(assessEligibility(b, iso(y5, 2, 28)).status).toBe('eligible');
        const y18 = y + 18;
        const until = isLeap(y18) ? iso(y18, 2, 28) : iso(y18, 2, 27);
        expect(e.eligibleUntil).toBe(until);
        expect(assessEligibility(b, until).status).toBe('self-eligible');
        expect(assessEligibility(b, iso(y18, 3, 1)).status).toBe('too-old');
        // in a leap year the age changes on 29 February, not on 28
        const leapYear = [y + 4, y + 8, y + 12].find(isLeap)!;
        expect(assessEligibility(b, iso(leapYear, 2, 28)).age).toBe(leapYear - y - 1);
        expect(assessEligibility(b, iso(leapYear, 2, 29)).age).toBe(leapYear - y);
        expect(dim(y, 2)).toBe(29);
      }),
      { numRuns: 200 },
    );
  });
});
