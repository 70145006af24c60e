/**
 * Property-based tests of the profile's validators (fast-check): a number built by the
 * official check rule always passes, any single-digit change of it fails, and every
 * normaliser is idempotent (normalising a normalised value changes nothing).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBirthCertSeries, checkInn, checkPhone, checkSnils, snilsCheckDigits } from '@/utils/profile/checks';

const RUNS = { numRuns: 500 };
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

/** Independent СНИЛС check number (ПФР rule): Σ dᵢ·(9−i), then mod 101 mod 100. */
function snilsCheck(nine: string): string {
  const s = [...nine].reduce((acc, d, i) => acc + Number(d) * (9 - i), 0);
  return String((s % 101) % 100).padStart(2, '0');
}

/** Independent ИНН-12 check digits (ФНС rule). */
function innCheck(ten: string): string {
  const w1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const w2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const d = (s: string, w: number[]) => (w.reduce((acc, k, i) => acc + Number(s[i]) * k, 0) % 11) % 10;
  const d11 = String(d(ten, w1));
  return d11 + String(d(ten + d11, w2));
}

/** Replaces the digit at `pos` with a different digit. */
function changeDigit(s: string, pos: number, delta: number): string {
  const next = (Number(s[pos]) + delta) % 10; // delta in 1..9: always a different digit
  return s.slice(0, pos) + String(next) + s.slice(pos + 1);
}

/** The 9-digit part of a СНИЛС above 001-001-998 (the only ones checked). */
const checkedNine = fc.integer({ min: 1_001_999, max: 999_999_999 }).map((n) => String(n).padStart(9, '0'));

describe('СНИЛС', () => {
  it('a number with the correct check number passes and is formatted XXX-XXX-XXX YY', () => {
    fc.assert(
      fc.property(checkedNine, (nine) => {
        const r = checkSnils(nine + snilsCheck(nine));
        expect(r).toEqual({ ok: true, value: `${nine.slice(0, 3)}-${nine.slice(3, 6)}-${nine.slice(6)} ${snilsCheck(nine)}` });
        expect(snilsCheckDigits(nine)).toBe(snilsCheck(nine));
      }),
      RUNS,
    );
  });

  it('a single-digit change of the 9-digit part (still above 001-001-998) fails unless the rule itself cannot tell (S mod 101 = 100 and 0 both give «00»)', () => {
    fc.assert(
      fc.property(checkedNine, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (nine, pos, delta) => {
        const changed = changeDigit(nine, pos, delta);
        fc.pre(Number(changed) > 1_001_998);
        const r = checkSnils(changed + snilsCheck(nine));
        // the ПФР rule maps S mod 101 = 100 and = 0 to the same «00»: such a change is invisible to it
        expect(r.ok).toBe(snilsCheck(changed) === snilsCheck(nine));
        if (!r.ok) expect(r.message).toMatch(/Контрольное число СНИЛС/);
      }),
      RUNS,
    );
  });

  it('the rule\'s own blind spot: 882-035-226 (S = 201) and 882-035-227 (S = 202) both have check number 00', () => {
    expect(checkSnils('882-035-226 00').ok).toBe(true);
    expect(checkSnils('882-035-227 00').ok).toBe(true);
    expect(checkSnils('882-035-227 01').ok).toBe(false);
  });

  it('any wrong check number fails', () => {
    fc.assert(
      fc.property(checkedNine, fc.integer({ min: 0, max: 99 }), (nine, cc) => {
        const check = String(cc).padStart(2, '0');
        fc.pre(check !== snilsCheck(nine));
        expect(checkSnils(nine + check).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('numbers at or below 001-001-998 are accepted with any check number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_001_998 }), digits(2), (n, check) => {
        expect(checkSnils(String(n).padStart(9, '0') + check).ok).toBe(true);
      }),
      RUNS,
    );
  });

  it('normalisation is idempotent and ignores spaces and dashes', () => {
    fc.assert(
      fc.property(digits(11), fc.constantFrom('', ' ', '-', '\u2013', ' - '), (raw, sep) => {
        const r = checkSnils(raw);
        const spaced = `${raw.slice(0, 3)}${sep}${raw.slice(3, 6)}${sep}${raw.slice(6, 9)}${sep}${raw.slice(9)}`;
        expect(checkSnils(spaced)).toEqual(r);
        if (r.ok) expect(checkSnils(r.value)).toEqual(r);
      }),
      RUNS,
    );
  });
});

describe('ИНН (12 digits)', () => {
  it('a number with computed check digits passes unchanged', () => {
    fc.assert(
      fc.property(digits(10), (ten) => {
        const inn = ten + innCheck(ten);
        expect(checkInn(inn)).toEqual({ ok: true, value: inn });
        expect(checkInn(`${inn.slice(0, 4)} ${inn.slice(4, 8)}-${inn.slice(8)}`)).toEqual({ ok: true, value: inn });
      }),
      RUNS,
    );
  });

  it('a single-digit change fails unless both check sums collide (mod 11 = 10 and = 0 both give 0)', () => {
    fc.assert(
      fc.property(digits(10), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (ten, pos, delta) => {
        const altered = changeDigit(ten + innCheck(ten), pos, delta);
        const r = checkInn(altered);
        expect(r.ok).toBe(innCheck(altered.slice(0, 10)) === altered.slice(10));
        // a change of either check digit is always caught
        if (pos >= 10) expect(r.ok).toBe(false);
        if (!r.ok) expect(r.message).toMatch(/Контрольные цифры ИНН/);
      }),
      RUNS,
    );
  });

  it('a transposition of two different adjacent digits of the first ten fails unless it keeps both check sums', () => {
    fc.assert(
      fc.property(digits(10), fc.integer({ min: 0, max: 8 }), (ten, i) => {
        fc.pre(ten[i] !== ten[i + 1]);
        const swapped = ten.slice(0, i) + ten[i + 1] + ten[i] + ten.slice(i + 2);
        const inn = swapped + innCheck(ten);
        expect(checkInn(inn).ok).toBe(innCheck(swapped) === innCheck(ten));
      }),
      RUNS,
    );
  });
});

describe('birth-certificate series', () => {
  const roman = fc.integer({ min: 1, max: 399 }).map(toRoman);
  const letter = fc.constantFrom(...'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ');
  const series = fc.tuple(roman, letter, letter).map(([r, a, b]) => `${r}-${a}${b}`);

  it('a canonical series passes unchanged, and normalising the result again changes nothing', () => {
    fc.assert(
      fc.property(series, (s) => {
        expect(checkBirthCertSeries(s)).toEqual({ ok: true, value: s });
      }),
      RUNS,
    );
  });

  it('typed variants (lower case, Cyrillic look-alikes, other separators, «серия») round-trip to the canonical series', () => {
    const toCyr: Record<string, string> = { X: 'Х', C: 'С', I: 'І' };
    fc.assert(
      fc.property(
        series,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('-', ' ', '', ' – ', '\u2212'),
        fc.boolean(),
        (s, lower, cyr, sep, prefix) => {
          const [r, l] = s.split('-');
          let rr = cyr ? [...r].map((c) => toCyr[c] ?? c).join('') : r;
          let ll = l;
          // a lower-case «l» is read as I (the checks' rule for «lll-по»), so an upper-case L stays
          if (lower) {
            rr = rr.replace(/[^L]/g, (c) => c.toLowerCase());
            ll = ll.toLowerCase();
          }
          const typed = `${prefix ? 'серия ' : ''}${rr}${sep}${ll}`;
          const once = checkBirthCertSeries(typed);
          expect(once).toEqual({ ok: true, value: s });
          if (once.ok) expect(checkBirthCertSeries(once.value)).toEqual(once);
        },
      ),
      RUNS,
    );
  });

  it('for any input, normalisation is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const r = checkBirthCertSeries(s);
        if (r.ok) expect(checkBirthCertSeries(r.value)).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('phone', () => {
  it('any way of writing a Russian number gives one form, and that form is a fixed point', () => {
    fc.assert(
      fc.property(digits(10), fc.constantFrom('+7', '8', '7', '', '+7 '), fc.boolean(), (ten, prefix, decorate) => {
        const body = decorate ? ` (${ten.slice(0, 3)}) ${ten.slice(3, 6)}-${ten.slice(6, 8)}-${ten.slice(8)}` : ten;
        const r = checkPhone(prefix + body);
        // `8` + 10 digits is fine; a bare 10-digit number starting with 8 is refused (missing digit)
        if (prefix === '' && ten[0] === '8') {
          expect(r.ok).toBe(false);
          return;
        }
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toBe(`+7 (${ten.slice(0, 3)}) ${ten.slice(3, 6)}-${ten.slice(6, 8)}-${ten.slice(8)}`);
        expect(checkPhone(r.value)).toEqual(r);
      }),
      RUNS,
    );
  });

  it('for any input, normalisation is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 +()-.8'), maxLength: 20 }), (s) => {
        const r = checkPhone(s);
        if (r.ok) expect(checkPhone(r.value)).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });
});

function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}
