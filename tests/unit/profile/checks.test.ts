import { describe, expect, it } from 'vitest';
import {
  BIRTH_CERT_SERIES_RE,
  checkBirthCertNumber,
  checkBirthCertSeries,
  checkCertificateNumber,
  checkDate,
  checkDivisionCode,
  checkEmail,
  checkForeignBirthCert,
  checkInn,
  checkNamePart,
  checkPassportNumber,
  checkPassportSeries,
  checkPhone,
  checkSnils,
  checkTemporaryIdText,
  snilsCheckDigits,
  type CheckResult,
} from '@/utils/profile/checks';

const value = (r: CheckResult) => (r.ok ? r.value : `ERR: ${r.message}`);
const message = (r: CheckResult) => (r.ok ? '' : r.message);

describe('СНИЛС (domain.md §3 test vectors)', () => {
  it.each([
    ['112-233-445 95', true],
    ['010-242-368 77', true],
    ['010-242-368 00', false],
    ['148-481-255 85', true],
    ['026-002-389 00', true],
    ['030-214-884 00', true],
    ['543-546-368 00', true],
    ['001-001-998 00', true],
    ['001-001-999 00', false],
  ])('%s → valid=%s', (input, valid) => {
    const r = checkSnils(input);
    expect(r.ok).toBe(valid);
    if (r.ok) expect(r.value).toBe(input);
    else expect(r.message).toContain('Контрольное число СНИЛС не сходится');
  });

  it('check digits for S = 100, 101, 201 are 00', () => {
    expect(snilsCheckDigits('026002389')).toBe('00');
    expect(snilsCheckDigits('030214884')).toBe('00');
    expect(snilsCheckDigits('543546368')).toBe('00');
    expect(snilsCheckDigits('112233445')).toBe('95');
  });

  it('normalises any spacing to XXX-XXX-XXX YY', () => {
    expect(value(checkSnils('11223344595'))).toBe('112-233-445 95');
    expect(value(checkSnils(' 112 233 445-95 '))).toBe('112-233-445 95');
    expect(value(checkSnils('112–233–445 95'))).toBe('112-233-445 95');
  });

  it('the threshold compares the 9-digit part, not the 11-digit value', () => {
    // 001-001-998 99 as an 11-digit number is > 00100199800, but the 9-digit part is ≤ 1001998.
    expect(checkSnils('001-001-998 99').ok).toBe(true);
    expect(checkSnils('000-000-001 57').ok).toBe(true);
  });

  it('explains wrong length and letters', () => {
    expect(message(checkSnils('112-233-445'))).toMatch(/11 цифр.*введено 9/);
    expect(message(checkSnils('112-233-445 9a'))).toMatch(/только цифры/);
    expect(message(checkSnils(''))).toMatch(/Укажите СНИЛС/);
  });
});

describe('ИНН физического лица (domain.md §3 test vectors)', () => {
  it.each(['123456789047', '500100732259', '773400211252', '699258991300'])('%s is valid', (inn) => {
    expect(value(checkInn(inn))).toBe(inn);
  });
  it.each(['123456789037', '500111732259'])('%s is invalid', (inn) => {
    expect(message(checkInn(inn))).toMatch(/Контрольные цифры ИНН не сходятся/);
  });
  it('refuses a 10-digit (company) ИНН with its own message', () => {
    expect(message(checkInn('7707083893'))).toMatch(/ИНН организации \(10 цифр\).*12 цифр/);
  });
  it('ignores spaces, refuses other lengths', () => {
    expect(value(checkInn('5001 0073 2259'))).toBe('500100732259');
    expect(message(checkInn('12345'))).toMatch(/12 цифр/);
  });
});

describe('свидетельство о рождении (domain.md §3)', () => {
  it.each([
    ['III-ПО', 'III-ПО'],
    ['iii-по', 'III-ПО'],
    ['III ПО', 'III-ПО'],
    ['III – ПО', 'III-ПО'],
    ['III—ПО', 'III-ПО'],
    ['IIIПО', 'III-ПО'],
    ['ІІІ-ПО', 'III-ПО'], // Cyrillic/Ukrainian І
    ['111-ПО', 'III-ПО'],
    ['lll-по', 'III-ПО'],
    ['ХIV-СХ', 'XIV-СХ'], // Cyrillic Х in the Roman part, Cyrillic letters after
    ['хс-ао', 'XC-АО'],
    ['СХ-МЮ', 'CX-МЮ'],
    ['I-ТВ', 'I-ТВ'],
    ['IV-PO', 'IV-РО'], // Latin P, O in the letter part
    ['серия III-ПО', 'III-ПО'],
    ['LXXX-ЯЁ', 'LXXX-ЯЁ'],
  ])('%s → %s', (input, out) => {
    const r = checkBirthCertSeries(input);
    expect(value(r)).toBe(out);
    expect(BIRTH_CERT_SERIES_RE.test(out)).toBe(true);
  });

  it.each(['IIII-ПО', 'VX-ПО', 'ABC-ПО', 'III-П', 'III-ПОА', 'III-12', '-ПО'])('%s is refused with a Russian hint', (input) => {
    const r = checkBirthCertSeries(input);
    expect(r.ok).toBe(false);
    expect(message(r)).toMatch(/III-ПО/);
  });

  it('asks for the series when empty', () => {
    expect(message(checkBirthCertSeries('  '))).toMatch(/Укажите серию/);
  });

  it('number: 6 digits, «№» and spaces ignored', () => {
    expect(value(checkBirthCertNumber('№ 537155'))).toBe('537155');
    expect(value(checkBirthCertNumber('537 155'))).toBe('537155');
    expect(message(checkBirthCertNumber('53715'))).toMatch(/6 цифр.*введено 5/);
    expect(message(checkBirthCertNumber('53715А'))).toMatch(/только цифры/);
  });

  it('foreign certificate: free text of 1–25 characters', () => {
    expect(value(checkForeignBirthCert('  AB   1234567 '))).toBe('AB 1234567');
    expect(checkForeignBirthCert('x'.repeat(25)).ok).toBe(true);
    expect(message(checkForeignBirthCert('x'.repeat(26)))).toMatch(/не больше 25/);
    expect(checkForeignBirthCert('').ok).toBe(false);
  });
});

describe('паспорт и временное удостоверение (domain.md §3)', () => {
  it('series 4 digits, number 6 digits, not zeros', () => {
    expect(value(checkPassportSeries('99 99'))).toBe('9999');
    expect(value(checkPassportNumber('999999'))).toBe('999999');
    expect(message(checkPassportSeries('999'))).toMatch(/4 цифры/);
    expect(message(checkPassportNumber('000000'))).toMatch(/одних нулей/);
    expect(message(checkPassportSeries('0000'))).toMatch(/одних нулей/);
    expect(message(checkPassportNumber('12345'))).toMatch(/6 цифр/);
  });
  it('код подразделения → NNN-NNN', () => {
    expect(value(checkDivisionCode('420012'))).toBe('420-012');
    expect(value(checkDivisionCode('420 - 012'))).toBe('420-012');
    expect(message(checkDivisionCode('42-012'))).toMatch(/6 цифр/);
  });
  it('temporary ID: free text', () => {
    expect(value(checkTemporaryIdText(' 2П  123456 '))).toBe('2П 123456');
    expect(checkTemporaryIdText('').ok).toBe(false);
  });
});

describe('номер сертификата (domain.md §1)', () => {
  it('10 digits after removing spaces/hyphens', () => {
    expect(value(checkCertificateNumber('42-07-000002'))).toBe('4207000002');
    expect(value(checkCertificateNumber('4207 000002', 'kuzbass'))).toBe('4207000002');
    expect(message(checkCertificateNumber('420700000'))).toMatch(/10 цифр/);
    expect(message(checkCertificateNumber('42070000AB'))).toMatch(/10 цифр/);
  });
  it('warns (does not refuse) when the region prefix differs', () => {
    const r = checkCertificateNumber('4207000002', 'tver');
    expect(r.ok).toBe(true);
    expect(r.ok && r.warning).toMatch(/69/);
    const k = checkCertificateNumber('6901000001', 'kuzbass');
    expect(k.ok && k.warning).toMatch(/42/);
    const same = checkCertificateNumber('6901000001', 'tver');
    expect(same.ok && same.warning).toBeFalsy();
  });
});

describe('почта и телефон', () => {
  it('e-mail', () => {
    expect(value(checkEmail(' Ivanova@Mail.RU '))).toBe('Ivanova@mail.ru');
    expect(value(checkEmail('smirnova.demo@example.com'))).toBe('smirnova.demo@example.com');
    expect(message(checkEmail('иванова@mail.ru'))).toMatch(/русские буквы/);
    expect(message(checkEmail('ivanova mail.ru'))).toMatch(/пробел/);
    expect(message(checkEmail('ivanova.mail.ru'))).toMatch(/@/);
    expect(message(checkEmail('ivanova@mail'))).toMatch(/после @/);
    expect(message(checkEmail('a@@mail.ru'))).toMatch(/один знак @/);
  });
  it.each([
    ['89001234567', '+7 (900) 123-45-67'],
    ['+79001234567', '+7 (900) 123-45-67'],
    ['8 (900) 123-45-67', '+7 (900) 123-45-67'],
    ['+7 900 123 45 67', '+7 (900) 123-45-67'],
    ['9001234567', '+7 (900) 123-45-67'],
    ['7-900-123-45-67', '+7 (900) 123-45-67'],
  ])('phone %s → %s', (input, out) => {
    expect(value(checkPhone(input))).toBe(out);
  });
  it('phone: wrong length, letters, non-mobile warning', () => {
    expect(message(checkPhone('8900123456'))).toMatch(/не хватает цифры/);
    expect(message(checkPhone('890012345'))).toMatch(/10 цифр/);
    expect(message(checkPhone('+7 900 ABC'))).toMatch(/буквы/);
    expect(message(checkPhone('59001234567'))).toMatch(/\+7 или 8/);
    const home = checkPhone('8 (4822) 12-34-56');
    expect(home.ok && home.value).toBe('+7 (482) 212-34-56');
    expect(home.ok && home.warning).toMatch(/мобильный/);
  });
});

describe('ФИО и даты', () => {
  it('names: Cyrillic, hyphen, space', () => {
    expect(value(checkNamePart(' Анна – Мария ', 'firstName'))).toBe('Анна-Мария');
    expect(value(checkNamePart('Салтыков  Щедрин', 'lastName'))).toBe('Салтыков Щедрин');
    expect(value(checkNamePart('Ёлкина', 'lastName'))).toBe('Ёлкина');
    expect(message(checkNamePart('Anna', 'firstName'))).toMatch(/русскими буквами/);
    expect(message(checkNamePart('Анна2', 'firstName'))).toMatch(/только русские буквы/);
    expect(message(checkNamePart('', 'lastName'))).toMatch(/Укажите фамилию/);
    expect(message(checkNamePart('-Анна', 'firstName'))).toMatch(/дефис/);
  });
  it('dates: real calendar dates, ISO or DD.MM.YYYY', () => {
    expect(value(checkDate('2015-03-14'))).toBe('2015-03-14');
    expect(value(checkDate('14.03.2015'))).toBe('2015-03-14');
    expect(value(checkDate('1.3.2015'))).toBe('2015-03-01');
    expect(value(checkDate('29.02.2024'))).toBe('2024-02-29');
    expect(message(checkDate('29.02.2023'))).toMatch(/нет в календаре/);
    expect(message(checkDate('2024-13-01'))).toMatch(/нет в календаре/);
    expect(message(checkDate('2024-04-31'))).toMatch(/нет в календаре/);
    expect(message(checkDate('14/03/15'))).toMatch(/ДД\.ММ\.ГГГГ/);
    expect(message(checkDate('1899-12-31'))).toMatch(/1900/);
  });
  it('dates: bounds', () => {
    expect(message(checkDate('2030-01-01', { notAfter: '2025-06-01', afterMessage: 'в будущем' }))).toBe('в будущем');
    expect(checkDate('2025-06-01', { notAfter: '2025-06-01' }).ok).toBe(true);
    expect(message(checkDate('2000-01-01', { notBefore: '2010-01-01' }))).toMatch(/раньше 01\.01\.2010/);
  });
});
