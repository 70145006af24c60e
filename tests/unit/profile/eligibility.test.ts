import { describe, expect, it } from 'vitest';
import { assessEligibility, formatAge, formatRuDate, todayLocal } from '@/utils/profile/eligibility';
import { addMonths, fullYears, parseIsoDate, requireIsoDate } from '@/utils/profile/dates';

describe('assessEligibility (domain.md §2)', () => {
  const born = '2015-03-14';

  it('the day before the 5th birthday: too young, with the date it becomes available', () => {
    const e = assessEligibility(born, '2020-03-13');
    expect(e.status).toBe('too-young');
    expect(e.age).toBe(4);
    expect(e.label).toBe('станет доступен с 14.03.2020');
    expect(e.details).toContain('можно получить с 14.03.2020');
  });

  it('the 5th birthday: eligible', () => {
    const e = assessEligibility(born, '2020-03-14');
    expect(e).toMatchObject({ status: 'eligible', age: 5, label: 'можно получить', eligibleFrom: '2020-03-14' });
    expect(e.details).toEqual(['действует до 13.03.2033', 'самостоятельно — с 14.03.2029']);
    expect(e.endingSoon).toBe(false);
    expect(e.leapDayNote).toBeUndefined();
  });

  it('14th birthday: may apply alone', () => {
    expect(assessEligibility(born, '2029-03-13').status).toBe('eligible');
    const e = assessEligibility(born, '2029-03-14');
    expect(e.status).toBe('self-eligible');
    expect(e.label).toContain('с 14 лет может подать сам');
    expect(e.selfFrom).toBe('2029-03-14');
  });

  it('the day before the 18th birthday: still eligible (ending soon); the 18th birthday: not', () => {
    const last = assessEligibility(born, '2033-03-13');
    expect(last).toMatchObject({ status: 'self-eligible', age: 17, eligibleUntil: '2033-03-13', endingSoon: true });
    expect(last.details.join(' ')).toMatch(/меньше полугода/);
    const over = assessEligibility(born, '2033-03-14');
    expect(over).toMatchObject({ status: 'too-old', age: 18, label: 'уже нельзя: исполнилось 18' });
    expect(over.endingSoon).toBe(false);
  });

  it('endingSoon starts exactly 6 months before the 18th birthday', () => {
    expect(assessEligibility(born, '2032-09-13').endingSoon).toBe(false);
    expect(assessEligibility(born, '2032-09-14').endingSoon).toBe(true);
  });

  it('municipal minimum age', () => {
    expect(assessEligibility(born, '2021-03-14', { minAge: 7 }).status).toBe('too-young');
    expect(assessEligibility(born, '2022-03-14', { minAge: 7 })).toMatchObject({ status: 'eligible', eligibleFrom: '2022-03-14' });
  });

  describe('born 29 February', () => {
    const leap = '2016-02-29';
    it('in a non-leap year the birthday is 28 February', () => {
      expect(assessEligibility(leap, '2021-02-27').status).toBe('too-young');
      const e = assessEligibility(leap, '2021-02-28');
      expect(e).toMatchObject({ status: 'eligible', age: 5, eligibleFrom: '2021-02-28' });
      expect(e.leapDayNote).toMatch(/29 февраля.*28 февраля/);
      expect(e.details).toContain(e.leapDayNote);
    });
    it('in a leap year the birthday is 29 February', () => {
      expect(assessEligibility('2008-02-29', '2020-02-28').age).toBe(11);
      expect(assessEligibility('2008-02-29', '2020-02-29').age).toBe(12);
    });
    it('18th birthday in a non-leap year (2034-02-28): until 27.02.2034', () => {
      const e = assessEligibility(leap, '2034-02-27');
      expect(e).toMatchObject({ status: 'self-eligible', eligibleUntil: '2034-02-27', selfFrom: '2030-02-28' });
      expect(assessEligibility(leap, '2034-02-28').status).toBe('too-old');
    });
    it('the 18th birthday of a leap-day child never falls on 29 February (18 is not a multiple of 4)', () => {
      expect(assessEligibility('2004-02-29', '2022-02-27')).toMatchObject({ status: 'self-eligible', eligibleUntil: '2022-02-27' });
      expect(assessEligibility('2004-02-29', '2022-02-28').status).toBe('too-old');
    });
    it('the 5th, 14th and 18th birthdays of a leap-day child fall on 28 February', () => {
      const e = assessEligibility('2012-02-29', '2026-03-01');
      expect([e.eligibleFrom, e.selfFrom, e.eligibleUntil]).toEqual(['2017-02-28', '2026-02-28', '2030-02-27']);
      expect(e.status).toBe('self-eligible');
      // a child born on 28 February has the same dates, without the note
      const f = assessEligibility('2012-02-28', '2026-03-01');
      expect([f.eligibleFrom, f.selfFrom, f.eligibleUntil]).toEqual(['2017-02-28', '2026-02-28', '2030-02-27']);
      expect(f.leapDayNote).toBeUndefined();
    });
    it('the day before a leap-day child\'s 18th birthday, in a year after a leap year', () => {
      // born 2008-02-29 → 18 on 2026-02-28; eligible through 2026-02-27
      expect(assessEligibility('2008-02-29', '2026-02-27').eligibleUntil).toBe('2026-02-27');
      expect(assessEligibility('2008-02-29', '2026-02-27').status).toBe('self-eligible');
      expect(assessEligibility('2008-02-29', '2026-02-28').status).toBe('too-old');
    });
  });

  it('a birth date after the reference date: too young, age 0', () => {
    expect(assessEligibility('2030-01-01', '2025-01-01')).toMatchObject({ status: 'too-young', age: 0 });
  });

  it('refuses dates that do not exist', () => {
    expect(() => assessEligibility('2015-02-30', '2025-01-01')).toThrow(/Неверная дата/);
    expect(() => assessEligibility('2015-03-14', '01.01.2025')).toThrow(RangeError);
  });
});

describe('date helpers', () => {
  it('formatRuDate', () => {
    expect(formatRuDate('2039-03-13')).toBe('13.03.2039');
    expect(formatRuDate('bad')).toBe('bad');
  });
  it('todayLocal uses the local calendar', () => {
    expect(todayLocal(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(todayLocal(new Date(2024, 11, 31, 0, 1))).toBe('2024-12-31');
    expect(todayLocal()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it('fullYears across month ends; addMonths clamps', () => {
    expect(fullYears(requireIsoDate('2010-12-31'), requireIsoDate('2011-12-30'))).toBe(0);
    expect(fullYears(requireIsoDate('2010-12-31'), requireIsoDate('2011-12-31'))).toBe(1);
    expect(addMonths(requireIsoDate('2024-08-31'), -6)).toEqual({ y: 2024, m: 2, d: 29 });
    expect(addMonths(requireIsoDate('2024-01-15'), -1)).toEqual({ y: 2023, m: 12, d: 15 });
    expect(parseIsoDate('2023-02-29')).toBeNull();
  });
  it('formatAge agrees in number', () => {
    expect([1, 2, 5, 11, 12, 14, 21, 22, 25].map(formatAge)).toEqual(['1 год', '2 года', '5 лет', '11 лет', '12 лет', '14 лет', '21 год', '22 года', '25 лет']);
  });
});
