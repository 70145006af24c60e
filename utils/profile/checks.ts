/**
 * Normalisers and validators for the profile's fields (domain.md §3).
 * Every check first normalises the input (trim, remove spaces/hyphens where the format
 * allows, fix look-alike characters), then validates. The result is either the normalised
 * value or a Russian message saying what is wrong and how to fix it. Pure functions: no DOM,
 * no storage, no clock unless a reference date is passed.
 */
import { compareYmd, formatRuDate, parseIsoDate } from './dates';

/**
 * Outcome of a check.
 * - `ok: true`: `value` is the normalised value to store; `warning` (Russian) is advice that
 *   does not block saving (e.g. a certificate number from another region).
 * - `ok: false`: `message` (Russian) says what is wrong and how to fix it.
 */
export type CheckResult<T = string> = { ok: true; value: T; warning?: string } | { ok: false; message: string };

/** Region of the profile: `tver` (sgo.tvobr.ru) or `kuzbass` (cabinet.ruobr.ru). */
export type RegionId = 'tver' | 'kuzbass';

/**
 * Two-digit region prefix of a certificate number (domain.md §1: region (2) + municipality
 * payer code (2) + 6 digits): 69 Тверская область, 42 Кемеровская область — Кузбасс.
 */
export const REGION_CODES: Record<RegionId, string> = { tver: '69', kuzbass: '42' };

const ok = <T>(value: T, warning?: string): CheckResult<T> => (warning ? { ok: true, value, warning } : { ok: true, value });
const fail = (message: string): CheckResult<never> => ({ ok: false, message });

/** Any dash a keyboard or a word processor produces, and the minus sign. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D-]/g;
/** Whitespace including the no-break and zero-width spaces. */
const SPACES = /[\s\u00a0\u200b]+/g;

/** Removes spaces and any dash variant. */
function digitsOnly(input: string): string {
  return input.replace(SPACES, '').replace(DASHES, '');
}

// ---------------------------------------------------------------------------------------
// СНИЛС
// ---------------------------------------------------------------------------------------

/**
 * Check number of a СНИЛС by the official ПФР rule (domain.md §3): for the 9-digit number
 * N = d0…d8, S = Σ dᵢ·(9−i); check = (S mod 101) mod 100.
 * @param nine the first 9 digits, e.g. `112233445`
 * @returns the two check digits, e.g. `95`
 */
export function snilsCheckDigits(nine: string): string {
  let s = 0;
  for (let i = 0; i < 9; i++) s += Number(nine[i]) * (9 - i);
  return String((s % 101) % 100).padStart(2, '0');
}

/**
 * СНИЛС (страховой номер индивидуального лицевого счёта).
 * Accepts 11 digits with any spaces/hyphens (`11223344595`, `112-233-445 95`).
 * The check number is verified by the ПФР rule, except for numbers whose 9-digit part is
 * ≤ 001-001-998, which are not checked (domain.md §3: compare the 9-digit part).
 * @param input what the user typed
 * @returns `XXX-XXX-XXX YY`, e.g. `112-233-445 95`; or a Russian message
 */
export function checkSnils(input: string): CheckResult {
  const raw = digitsOnly(input);
  if (raw === '') return fail('Укажите СНИЛС: 11 цифр с зелёной карточки или из «Госуслуг», например 112-233-445 95');
  if (!/^\d+$/.test(raw)) return fail('В СНИЛС могут быть только цифры: уберите буквы и другие знаки');
  if (raw.length !== 11)
    return fail(`В СНИЛС должно быть 11 цифр, а введено ${raw.length}: сверьте номер с карточкой СНИЛС (формат 123-456-789 01)`);
  const nine = raw.slice(0, 9);
  if (Number(nine) > 1001998 && snilsCheckDigits(nine) !== raw.slice(9))
    return fail('Контрольное число СНИЛС не сходится: проверьте цифры по карточке СНИЛС — скорее всего, одна цифра введена неверно или переставлена');
  return ok(`${raw.slice(0, 3)}-${raw.slice(3, 6)}-${raw.slice(6, 9)} ${raw.slice(9)}`);
}

// ---------------------------------------------------------------------------------------
// ИНН
// ---------------------------------------------------------------------------------------

const INN_W1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_W2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function innDigit(digits: string, weights: number[]): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += Number(digits[i]) * weights[i];
  return (s % 11) % 10;
}

/**
 * ИНН физического лица: 12 digits with two check digits (ФНС rule, domain.md §3:
 * d11 from weights 7,2,4,10,3,5,9,4,6,8; d12 from 3,7,2,4,10,3,5,9,4,6,8; each Σ mod 11 mod 10).
 * A 10-digit ИНН (an organisation's) is refused with its own message.
 * @param input what the user typed; spaces and hyphens are ignored
 * @returns the 12 digits, e.g. `500100732259`; or a Russian message
 */
export function checkInn(input: string): CheckResult {
  const raw = digitsOnly(input);
  if (raw === '') return fail('Укажите ИНН: 12 цифр из свидетельства о постановке на учёт или из «Госуслуг»');
  if (!/^\d+$/.test(raw)) return fail('В ИНН могут быть только цифры: уберите буквы и другие знаки');
  if (raw.length === 10)
    return fail('Это ИНН организации (10 цифр). У человека ИНН из 12 цифр — найдите его в свидетельстве ИНН или в «Госуслугах»');
  if (raw.length !== 12) return fail(`В ИНН человека должно быть 12 цифр, а введено ${raw.length}: проверьте номер по свидетельству ИНН`);
  if (innDigit(raw, INN_W1) !== Number(raw[10]) || innDigit(raw, INN_W2) !== Number(raw[11]))
    return fail('Контрольные цифры ИНН не сходятся: проверьте цифры по свидетельству ИНН — скорее всего, одна цифра введена неверно');
  return ok(raw);
}

// ---------------------------------------------------------------------------------------
// Свидетельство о рождении
// ---------------------------------------------------------------------------------------

/** Series pattern of a Russian birth certificate (domain.md §3). */
export const BIRTH_CERT_SERIES_RE = /^(?=[IVXLC])C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})-[А-ЯЁ]{2}$/;
const ROMAN_RE = /^(?=[IVXLC])C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** Look-alikes typed in the Roman part: Cyrillic Х/С/І, the digit 1 and a lower-case l → Latin. */
const ROMAN_LOOKALIKES: Record<string, string> = {
  Х: 'X', х: 'X', С: 'C', с: 'C', І: 'I', і: 'I', Ӏ: 'I', '1': 'I', l: 'I', '|': 'I',
};
/** Latin letters that look like Cyrillic ones, typed in the letter part with the wrong layout. */
const CYRILLIC_LOOKALIKES: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
};

/**
 * Series of a Russian birth certificate («R-ББ»: a Roman numeral in Latin I V X L C, a hyphen,
 * two Cyrillic capitals; ФНС document code 03; domain.md §3).
 * Accepts what people type: lower case, Cyrillic Х→X, С→C, І→I, the digit 1 and a lower-case
 * «l» → I in the Roman part, Latin look-alikes (P, O…) in the letter part, a space, any dash
 * or nothing instead of «-», and a leading «серия».
 * @param input e.g. `iii по`, `ІІІ–ПО`, `111ПО`
 * @returns the rebuilt series `R-ББ`, e.g. `III-ПО`; or a Russian message
 */
export function checkBirthCertSeries(input: string): CheckResult {
  let s = input.replace(SPACES, ' ').trim().replace(/^серия\s*/i, '');
  if (s === '') return fail('Укажите серию свидетельства о рождении, например III-ПО');
  s = s.replace(DASHES, '-');
  let roman: string;
  let letters: string;
  const sep = /^(.+?)\s*[- ]\s*(.+)$/.exec(s);
  if (sep) {
    roman = sep[1];
    letters = sep[2];
  } else {
    roman = s.slice(0, -2);
    letters = s.slice(-2);
  }
  roman = Array.from(roman.replace(/\s/g, ''), (c) => ROMAN_LOOKALIKES[c] ?? c).join('').toUpperCase();
  letters = Array.from(letters.replace(/\s/g, '').toUpperCase(), (c) => CYRILLIC_LOOKALIKES[c] ?? c).join('');
  if (!ROMAN_RE.test(roman))
    return fail('Серия свидетельства начинается с римского числа из латинских букв I, V, X, L, C (например, III-ПО): проверьте первую часть серии');
  if (!/^[А-ЯЁ]{2}$/.test(letters))
    return fail('После римского числа в серии должны стоять ровно две русские буквы, например III-ПО: проверьте вторую часть серии');
  const series = `${roman}-${letters}`;
  return BIRTH_CERT_SERIES_RE.test(series) ? ok(series) : fail('Серия свидетельства о рождении записывается так: III-ПО — проверьте её по документу');
}

/**
 * Number of a Russian birth certificate: 6 digits (domain.md §3). Spaces and a leading «№» are ignored.
 * @param input e.g. `№ 537155`
 * @returns the 6 digits, e.g. `537155`; or a Russian message
 */
export function checkBirthCertNumber(input: string): CheckResult {
  const raw = digitsOnly(input).replace(/^№/, '');
  if (raw === '') return fail('Укажите номер свидетельства о рождении: 6 цифр после знака №');
  if (!/^\d+$/.test(raw)) return fail('В номере свидетельства о рождении только цифры: уберите буквы и знаки');
  if (raw.length !== 6) return fail(`Номер свидетельства о рождении — 6 цифр, а введено ${raw.length}: проверьте его по документу`);
  return ok(raw);
}

/**
 * Free-text field: trims, folds runs of whitespace, checks the length.
 * @param input what the user typed
 * @param what Russian name of the field in the accusative case for «Укажите …», e.g. `кем выдан документ`
 * @param max maximum length in characters
 * @returns the cleaned text; or a Russian message
 */
export function checkText(input: string, what: string, max: number): CheckResult {
  const s = input.replace(SPACES, ' ').trim();
  if (s === '') return fail(`Укажите ${what}`);
  if (s.length > max) return fail(`Слишком длинно: не больше ${max} знаков (сейчас ${s.length}) — сократите запись`);
  return ok(s);
}

/**
 * Series and number of a birth certificate issued abroad (ФНС document code 23): free text, 1–25 characters (domain.md §3).
 * @param input e.g. `AB 1234567`
 * @returns the cleaned text; or a Russian message
 */
export function checkForeignBirthCert(input: string): CheckResult {
  return checkText(input, 'серию и номер иностранного свидетельства о рождении так, как они написаны в документе', 25);
}

// ---------------------------------------------------------------------------------------
// Паспорт, временное удостоверение
// ---------------------------------------------------------------------------------------

/**
 * Series of a Russian passport (ФНС document code 21): 4 digits, not all zeros (domain.md §3).
 * @param input e.g. `32 06`
 * @returns the 4 digits, e.g. `3206`; or a Russian message
 */
export function checkPassportSeries(input: string): CheckResult {
  const raw = digitsOnly(input);
  if (raw === '') return fail('Укажите серию паспорта: 4 цифры вверху страницы с фотографией, например 32 06');
  if (!/^\d+$/.test(raw)) return fail('В серии паспорта только цифры: уберите буквы и знаки');
  if (raw.length !== 4) return fail(`Серия паспорта — 4 цифры, а введено ${raw.length}: проверьте по паспорту`);
  if (raw === '0000') return fail('Серия паспорта не может состоять из одних нулей: проверьте цифры по паспорту');
  return ok(raw);
}

/**
 * Number of a Russian passport: 6 digits, not all zeros (domain.md §3).
 * @param input e.g. `114 590`
 * @returns the 6 digits, e.g. `114590`; or a Russian message
 */
export function checkPassportNumber(input: string): CheckResult {
  const raw = digitsOnly(input).replace(/^№/, '');
  if (raw === '') return fail('Укажите номер паспорта: 6 цифр после серии');
  if (!/^\d+$/.test(raw)) return fail('В номере паспорта только цифры: уберите буквы и знаки');
  if (raw.length !== 6) return fail(`Номер паспорта — 6 цифр, а введено ${raw.length}: проверьте по паспорту`);
  if (raw === '000000') return fail('Номер паспорта не может состоять из одних нулей: проверьте цифры по паспорту');
  return ok(raw);
}

/**
 * «Код подразделения» of a Russian passport: 6 digits shown `NNN-NNN` (domain.md §3).
 * @param input e.g. `420012`, `420 - 012`
 * @returns `NNN-NNN`, e.g. `420-012`; or a Russian message
 */
export function checkDivisionCode(input: string): CheckResult {
  const raw = digitsOnly(input);
  if (raw === '') return fail('Укажите код подразделения: 6 цифр, например 420-012');
  if (!/^\d{6}$/.test(raw)) return fail('Код подразделения — 6 цифр через дефис, например 420-012: проверьте его на странице паспорта с датой выдачи');
  return ok(`${raw.slice(0, 3)}-${raw.slice(3)}`);
}

/**
 * Number of a temporary identity card (form 2П, ФНС code 14): no published format, free
 * text of 1–30 characters (domain.md §3).
 * @param input the number as printed on the card
 * @returns the cleaned text; or a Russian message
 */
export function checkTemporaryIdText(input: string): CheckResult {
  return checkText(input, 'номер временного удостоверения личности так, как он написан в документе', 30);
}

// ---------------------------------------------------------------------------------------
// Номер сертификата
// ---------------------------------------------------------------------------------------

/**
 * Number of the certificate of additional education: exactly 10 digits after removing
 * spaces/hyphens (domain.md §1: region 2 + municipality 2 + 6 digits, no check digit).
 * A prefix other than the region's code (69 Tver, 42 Kuzbass) only gives a `warning`.
 * @param input e.g. `42-07-000002`
 * @param region the child's region, to compare the prefix with
 * @returns the 10 digits, e.g. `4207000002`, maybe with a Russian `warning`; or a Russian message
 */
export function checkCertificateNumber(input: string, region?: RegionId): CheckResult {
  const raw = digitsOnly(input).replace(/^№/, '');
  if (raw === '') return fail('Укажите номер сертификата: 10 цифр, его показывает портал после оформления');
  if (!/^\d{10}$/.test(raw))
    return fail('Номер сертификата — ровно 10 цифр, например 4207000002: перепишите его из личного кабинета без букв');
  if (region && raw.slice(0, 2) !== REGION_CODES[region]) {
    const name = region === 'tver' ? 'Тверской области' : 'Кузбасса';
    return ok(raw, `Номера сертификатов ${name} обычно начинаются с ${REGION_CODES[region]}. Проверьте номер и выбранный регион`);
  }
  return ok(raw);
}

// ---------------------------------------------------------------------------------------
// Контакты
// ---------------------------------------------------------------------------------------

/**
 * E-mail address (the portal sends the confirmation letter to it, domain.md §3/§7).
 * Trims, lower-cases the domain, refuses Cyrillic letters (wrong keyboard layout), spaces,
 * a missing «@» or a domain without a dot.
 * @param input e.g. ` Ivanova@Mail.RU `
 * @returns the address, e.g. `Ivanova@mail.ru`; or a Russian message
 */
export function checkEmail(input: string): CheckResult {
  const s = input.trim();
  if (s === '') return fail('Укажите адрес электронной почты, например ivanova@mail.ru');
  if (/[А-Яа-яЁё]/.test(s))
    return fail('В адресе почты есть русские буквы: переключите клавиатуру на английский язык и введите адрес заново');
  if (/\s/.test(s)) return fail('В адресе почты не должно быть пробелов: уберите их');
  const at = s.lastIndexOf('@');
  if (at < 1 || s.indexOf('@') !== at) return fail('В адресе почты должен быть один знак @, например ivanova@mail.ru');
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase();
  if (!/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return fail('Часть адреса до @ написана неверно: проверьте адрес, например ivanova@mail.ru');
  if (!/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/.test(domain))
    return fail('Часть адреса после @ написана неверно: должно быть, например, mail.ru, yandex.ru или gmail.com');
  if (s.length > 254) return fail('Адрес почты слишком длинный: проверьте, что вставили только адрес');
  return ok(`${local}@${domain}`);
}

/**
 * Russian phone number. Accepts `8XXXXXXXXXX`, `+7XXXXXXXXXX`, `7XXXXXXXXXX` or 10 digits,
 * with any spaces, brackets, dashes or dots. A number whose code does not start with 9 is
 * accepted with a `warning` (the portal expects a mobile phone, domain.md §3).
 * @param input e.g. `8 (900) 123-45-67`
 * @returns `+7 (XXX) XXX-XX-XX`, e.g. `+7 (900) 123-45-67`; or a Russian message
 */
export function checkPhone(input: string): CheckResult {
  const s = input.trim();
  if (s === '') return fail('Укажите номер телефона, например +7 (900) 123-45-67');
  if (/[^\d\s()+.\-\u2010-\u2015\u00a0]/.test(s)) return fail('В номере телефона только цифры, пробелы, скобки и дефисы: уберите буквы');
  let d = s.replace(/\D/g, '');
  if (d.length === 10 && d[0] === '8' && !s.startsWith('+'))
    return fail('Похоже, в номере не хватает цифры: после 8 должно быть 10 цифр, например 8 900 123-45-67');
  if (d.length === 11 && (d[0] === '8' || d[0] === '7')) d = d.slice(1);
  else if (d.length === 11) return fail('Номер из 11 цифр должен начинаться с +7 или 8: проверьте первую цифру');
  if (d.length !== 10) return fail(`В российском номере 10 цифр после +7, а введено ${d.length}: проверьте номер, например +7 (900) 123-45-67`);
  const formatted = `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
  return d[0] === '9' ? ok(formatted) : ok(formatted, 'Похоже, это не мобильный номер: порталу нужен мобильный телефон, на него приходят коды');
}

// ---------------------------------------------------------------------------------------
// ФИО, даты
// ---------------------------------------------------------------------------------------

/** Which part of a name: used for the messages. */
export type NamePart = 'lastName' | 'firstName' | 'middleName';

const NAME_WORDS: Record<NamePart, { acc: string; nom: string }> = {
  lastName: { acc: 'фамилию', nom: 'Фамилия' },
  firstName: { acc: 'имя', nom: 'Имя' },
  middleName: { acc: 'отчество', nom: 'Отчество' },
};

/**
 * A part of a person's name in Cyrillic: letters, hyphens between parts («Анна-Мария»),
 * single spaces («Оглы»-style compound names). Trims, folds spaces, turns any dash into «-»,
 * removes spaces around hyphens. Отчество is optional in the schema («при наличии», domain.md §3);
 * this check is for a non-empty value.
 * @param input e.g. ` анна – мария `
 * @param part which part, for the message
 * @returns the cleaned name, e.g. `анна-мария` (letter case is kept as typed); or a Russian message
 */
export function checkNamePart(input: string, part: NamePart): CheckResult {
  const w = NAME_WORDS[part];
  const s = input.replace(SPACES, ' ').trim().replace(DASHES, '-').replace(/\s*-\s*/g, '-');
  if (s === '') return fail(`Укажите ${w.acc} так, как в документе`);
  if (/[A-Za-z]/.test(s)) return fail(`${w.nom}: пишите русскими буквами, как в документе (переключите клавиатуру на русский язык)`);
  if (!/^[А-Яа-яЁё]+([- ][А-Яа-яЁё]+)*$/.test(s))
    return fail(`${w.nom}: можно только русские буквы, дефис и пробел между частями, например Анна-Мария — уберите цифры и другие знаки`);
  if (s.length > 60) return fail(`${w.nom}: не больше 60 букв`);
  return ok(s);
}

/** Optional bounds for {@link checkDate}. */
export interface DateBounds {
  /** Earliest allowed date, `YYYY-MM-DD`. */
  notBefore?: string;
  /** Latest allowed date, `YYYY-MM-DD` (e.g. today for a date of birth). */
  notAfter?: string;
  /** Russian message when the date is after `notAfter`. */
  afterMessage?: string;
  /** Russian message when the date is before `notBefore`. */
  beforeMessage?: string;
}

/**
 * A real calendar date. Accepts `YYYY-MM-DD` (what `<input type=date>` gives) and
 * `DD.MM.YYYY` (what people type; also `D.M.YYYY`, `/` or `-` as separators).
 * @param input e.g. `14.03.2015`, `2015-03-14`
 * @param bounds optional earliest/latest dates with their messages
 * @returns `YYYY-MM-DD`; or a Russian message (e.g. for 30.02 or a date out of bounds)
 */
export function checkDate(input: string, bounds: DateBounds = {}): CheckResult {
  const s = input.trim();
  if (s === '') return fail('Укажите дату в виде ДД.ММ.ГГГГ, например 14.03.2015');
  let iso = s;
  const ru = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  if (ru) iso = `${ru[3]}-${ru[2].padStart(2, '0')}-${ru[1].padStart(2, '0')}`;
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return fail('Дата записывается так: ДД.ММ.ГГГГ, например 14.03.2015');
  const p = parseIsoDate(iso);
  if (!p) return fail(`Такой даты нет в календаре (${formatRuDate(iso)}): проверьте число и месяц`);
  if (p.y < 1900) return fail('Проверьте год: дата раньше 1900 года');
  const after = bounds.notAfter ? parseIsoDate(bounds.notAfter) : null;
  if (after && compareYmd(p, after) > 0) return fail(bounds.afterMessage ?? `Дата не может быть позже ${formatRuDate(bounds.notAfter!)}: проверьте год`);
  const before = bounds.notBefore ? parseIsoDate(bounds.notBefore) : null;
  if (before && compareYmd(p, before) < 0)
    return fail(bounds.beforeMessage ?? `Дата не может быть раньше ${formatRuDate(bounds.notBefore!)}: проверьте год`);
  return ok(iso);
}
