/**
 * zod schemas of the profile — the single source of its types. Parsing normalises every value
 * through the checks of `checks.ts` (domain.md §3), so `parse()` returns what is stored, and
 * every zod issue carries a Russian message saying what is wrong and how to fix it.
 * Parsing a stored (already normalised) value again gives the same value.
 */
import { z } from './zod';
import { isScanType } from './scan-types';
import {
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
  checkText,
  type CheckResult,
  type DateBounds,
} from './checks';
import { fullYears, requireIsoDate, todayLocal } from './dates';

/** Empty strings and `null` (blank form fields, JSON) count as «not given». */
const blank = (v: unknown): unknown => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

/** `preprocess` of the full zod: `fn` runs on the input first, then `schema` parses its result. */
function preprocess<T extends z.core.$ZodType>(fn: (v: unknown) => unknown, schema: T): z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, T> {
  return z.pipe(z.transform(fn), schema);
}

/** A string field validated and normalised by a check; the issue carries the check's message (`missing` for blank input). */
function checked(check: (s: string) => CheckResult, missing: string) {
  return z.pipe(
    z.string({ error: missing }),
    z.transform((v: string, ctx) => {
      if (v.trim() === '') {
        ctx.issues.push({ code: 'custom', message: missing, input: v });
        return z.NEVER;
      }
      const r = check(v);
      if (!r.ok) {
        ctx.issues.push({ code: 'custom', message: r.message, input: v });
        return z.NEVER;
      }
      return r.value;
    }),
  );
}

/** Like {@link checked}, but blank input means «absent» (`undefined`). */
function optionalChecked(check: (s: string) => CheckResult, wrongType: string) {
  return preprocess(blank, z.optional(checked(check, wrongType)));
}

/** A date `YYYY-MM-DD` (also accepts `DD.MM.YYYY`) not later than today. */
function pastDate(missing: string, afterMessage: string) {
  return checked((s) => checkDate(s, { notAfter: todayLocal(), afterMessage }), missing);
}

function anyDate(missing: string, bounds: DateBounds = {}) {
  return checked((s) => checkDate(s, bounds), missing);
}

// ---------------------------------------------------------------------------------------

/**
 * ФИО in Cyrillic (domain.md §3): `lastName` and `firstName` required, `middleName`
 * (Отчество) optional («при наличии»). Letters, hyphens and spaces; see `checkNamePart`.
 */
export const PersonName = z.object(
  {
    lastName: checked((s) => checkNamePart(s, 'lastName'), 'Укажите фамилию так, как в документе'),
    firstName: checked((s) => checkNamePart(s, 'firstName'), 'Укажите имя так, как в документе'),
    middleName: optionalChecked((s) => checkNamePart(s, 'middleName'), 'Отчество: укажите текстом или оставьте пустым'),
  },
  { error: 'Укажите фамилию, имя и отчество (если есть)' },
);
/** ФИО after parsing. */
export type PersonName = z.output<typeof PersonName>;

/**
 * Passport of a citizen of Russia (ФНС code 21, domain.md §3): series 4 digits, number 6 digits
 * (not all zeros), issue date (not in the future), issuing body; код подразделения `NNN-NNN`
 * optional. Issue date and issuer are needed for the consent (152-ФЗ ст. 9 ч. 4, domain.md §6).
 */
export const Passport = z.object(
  {
    series: checked(checkPassportSeries, 'Укажите серию паспорта: 4 цифры'),
    number: checked(checkPassportNumber, 'Укажите номер паспорта: 6 цифр'),
    issuedAt: pastDate('Укажите дату выдачи паспорта', 'Дата выдачи паспорта не может быть в будущем: проверьте год'),
    issuedBy: checked((s) => checkText(s, 'кем выдан паспорт — как написано в паспорте', 200), 'Укажите, кем выдан паспорт'),
    divisionCode: optionalChecked(checkDivisionCode, 'Код подразделения: 6 цифр, например 420-012'),
  },
  { error: 'Заполните данные паспорта' },
);
/** Passport after parsing: series `NNNN`, number `NNNNNN`, dates `YYYY-MM-DD`, code `NNN-NNN`. */
export type Passport = z.output<typeof Passport>;

/** Free-text address (for the Заявление and the consents), up to 300 characters. */
const Address = optionalChecked((s) => checkText(s, 'адрес', 300), 'Адрес: укажите текстом');

/**
 * The applicant: the parent or legal representative (`relation`), the only one per profile
 * (`id` is always `applicant`). All contact and passport data are optional so a profile can be
 * filled in steps; the papers show blank lines for what is missing.
 */
export const Applicant = z.object(
  {
    id: z._default(z.literal('applicant', { error: 'Неверная запись заявителя' }), 'applicant'),
    name: PersonName,
    birthDate: preprocess(blank, z.optional(pastDate('Дата рождения: ДД.ММ.ГГГГ', 'Дата рождения не может быть в будущем: проверьте год'))),
    relation: z.enum(['parent', 'representative'], { error: 'Выберите, кем вы приходитесь ребёнку: родитель или законный представитель' }),
    email: optionalChecked(checkEmail, 'Адрес почты: укажите текстом'),
    phone: optionalChecked(checkPhone, 'Телефон: укажите цифрами'),
    address: Address,
    passport: preprocess(blank, z.optional(Passport)),
    snils: optionalChecked(checkSnils, 'СНИЛС: 11 цифр'),
  },
  { error: 'Нет данных заявителя' },
);
/** The applicant after parsing (normalised values). */
export type Applicant = z.output<typeof Applicant>;
/** What may be given to {@link Applicant} for parsing (e.g. a form draft with raw strings). */
export type ApplicantInput = z.input<typeof Applicant>;

const BirthCertificate = z.object({
  kind: z.literal('birth-certificate'),
  series: checked(checkBirthCertSeries, 'Укажите серию свидетельства о рождении, например III-ПО'),
  number: checked(checkBirthCertNumber, 'Укажите номер свидетельства о рождении: 6 цифр'),
  issuedAt: preprocess(blank, z.optional(pastDate('Дата выдачи: ДД.ММ.ГГГГ', 'Дата выдачи не может быть в будущем: проверьте год'))),
  issuedBy: optionalChecked((s) => checkText(s, 'кем выдано свидетельство', 200), 'Кем выдано: укажите текстом'),
});

const ForeignBirthCertificate = z.object({
  kind: z.literal('foreign-birth-certificate'),
  text: checked(checkForeignBirthCert, 'Укажите серию и номер иностранного свидетельства о рождении'),
  issuedAt: preprocess(blank, z.optional(pastDate('Дата выдачи: ДД.ММ.ГГГГ', 'Дата выдачи не может быть в будущем: проверьте год'))),
});

const ChildPassport = z.object({
  kind: z.literal('passport'),
  series: checked(checkPassportSeries, 'Укажите серию паспорта: 4 цифры'),
  number: checked(checkPassportNumber, 'Укажите номер паспорта: 6 цифр'),
  issuedAt: preprocess(blank, z.optional(pastDate('Дата выдачи: ДД.ММ.ГГГГ', 'Дата выдачи паспорта не может быть в будущем: проверьте год'))),
  issuedBy: optionalChecked((s) => checkText(s, 'кем выдан паспорт', 200), 'Кем выдан: укажите текстом'),
  divisionCode: optionalChecked(checkDivisionCode, 'Код подразделения: 6 цифр, например 420-012'),
});

const TemporaryId = z.object({
  kind: z.literal('temporary-id'),
  text: checked(checkTemporaryIdText, 'Укажите номер временного удостоверения личности'),
  validUntil: anyDate('Укажите, до какого числа действительно удостоверение'),
});

/**
 * The child's identity document, by `kind` (domain.md §3):
 * - `birth-certificate` (ФНС 03): series `R-ББ`, number 6 digits, optional issue date/issuer;
 * - `foreign-birth-certificate` (ФНС 23): free text 1–25, optional issue date;
 * - `passport` (ФНС 21, from 14): series 4 digits, number 6 digits, optional date/issuer/code;
 * - `temporary-id` (form 2П, ФНС 14): free text plus `validUntil` `YYYY-MM-DD`.
 */
export const ChildDocument = z.discriminatedUnion('kind', [BirthCertificate, ForeignBirthCertificate, ChildPassport, TemporaryId], {
  error: 'Выберите вид документа ребёнка',
});
/** The child's document after parsing. */
export type ChildDocument = z.output<typeof ChildDocument>;
/** Kinds of the child's document. */
export type ChildDocumentKind = ChildDocument['kind'];

/** Whether the child attends a school, a kindergarten or neither (decides the registration proof, domain.md §4). */
export const Attends = z.enum(['school', 'kindergarten', 'none'], {
  error: 'Выберите, ходит ли ребёнок в школу или детский сад',
});
/** Region of the child: `tver` (sgo.tvobr.ru) or `kuzbass` (cabinet.ruobr.ru). */
export const Region = z.enum(['tver', 'kuzbass'], { error: 'Выберите регион: Тверская область или Кузбасс' });

/**
 * A child of the profile. `id` is any stable string (the UI uses a random UUID).
 * `birthDate` `YYYY-MM-DD` is required and not in the future; `certificateNumber` is 10 digits
 * (a region-prefix mismatch is only a warning, see {@link childWarnings}).
 */
export const Child = z.object(
  {
    id: z
      .string({ error: 'Неверная запись ребёнка: нет идентификатора' })
      .check(
        z.trim(),
        z.minLength(1, { error: 'Неверная запись ребёнка: нет идентификатора' }),
        z.maxLength(100, { error: 'Неверная запись ребёнка: слишком длинный идентификатор' }),
      ),
    name: PersonName,
    birthDate: pastDate('Укажите дату рождения ребёнка', 'Дата рождения не может быть в будущем: проверьте год'),
    document: preprocess(blank, z.optional(ChildDocument)),
    snils: optionalChecked(checkSnils, 'СНИЛС: 11 цифр'),
    inn: optionalChecked(checkInn, 'ИНН: 12 цифр'),
    address: Address,
    attends: Attends,
    municipality: optionalChecked((s) => checkText(s, 'город или район', 100), 'Город или район: укажите текстом'),
    region: Region,
    certificateNumber: optionalChecked((s) => checkCertificateNumber(s), 'Номер сертификата: 10 цифр'),
  },
  { error: 'Нет данных ребёнка' },
);
/** A child after parsing (normalised values). */
export type Child = z.output<typeof Child>;
/** What may be given to {@link Child} for parsing (e.g. a form draft with raw strings). */
export type ChildInput = z.input<typeof Child>;

export { SCAN_TYPES, isScanType } from './scan-types';
/** Largest scan stored: 10 MB. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

/** A scan inside an export file: base64 of the file's bytes. */
export const ScanExport = z.object({
  childId: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  type: z.string().check(z.refine(isScanType, { error: 'Скан: только фотография (JPG, PNG и др.) или PDF' })),
  base64: z
    .string()
    .check(z.maxLength(Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 4, { error: 'Скан больше 10 МБ' }), z.regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Скан повреждён' })),
});
/** A scan of an export file. */
export type ScanExport = z.output<typeof ScanExport>;

/** Current version of the export file. */
export const EXPORT_VERSION = 1;

/**
 * The profile export file (JSON) for backup and moving to another browser:
 * `{ format: 'pfdo-companion-profile', version: 1, exportedAt?, applicant?, children, scans? }`; a file without
 * `format` is someone else's JSON and is refused.
 * Child ids must be unique and every scan must belong to a child of the file.
 */
export const ExportFile = z
  .object(
    {
      format: z.literal('pfdo-companion-profile', { error: 'Это не файл профиля помощника: выберите файл, сохранённый кнопкой «Сохранить профиль в файл»' }),
      version: z.literal(EXPORT_VERSION, { error: 'Файл профиля другой версии: сохраните профиль заново в этой версии помощника' }),
      exportedAt: z.optional(z.string().check(z.maxLength(40))),
      applicant: preprocess(blank, z.optional(Applicant)),
      children: z.array(Child, { error: 'В файле нет списка детей' }).check(z.maxLength(20, { error: 'В файле больше 20 детей' })),
      scans: z.optional(z.array(ScanExport).check(z.maxLength(20))),
    },
    { error: 'Файл профиля повреждён или это другой файл' },
  )
  .check(z.superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.children.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['children', i, 'id'], message: 'Один и тот же ребёнок записан в файле дважды' });
      ids.add(c.id);
    });
    f.scans?.forEach((s, i) => {
      if (!ids.has(s.childId)) ctx.addIssue({ code: 'custom', path: ['scans', i, 'childId'], message: 'Скан относится к ребёнку, которого нет в файле' });
    });
  }));
/** A parsed export file. */
export type ExportFile = z.output<typeof ExportFile>;

// ---------------------------------------------------------------------------------------

/**
 * Turns zod issues into one Russian message per field.
 * @param error a ZodError from parsing one of these schemas
 * @returns `{ 'name.lastName': '…', 'document.series': '…', '': '…' }` — the key is the
 *   issue's path joined with «.», the first issue per path wins
 */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/**
 * Advice on a valid child that does not block saving (Russian), keyed like {@link fieldErrors}:
 * a certificate number with another region's prefix (domain.md §1), a passport for a child
 * under 14 or a birth certificate from 14 (domain.md §3), an expired temporary ID.
 * @param child a parsed child
 * @param today reference date `YYYY-MM-DD` (default: today, local)
 */
export function childWarnings(child: Child, today: string = todayLocal()): Record<string, string> {
  const out: Record<string, string> = {};
  if (child.certificateNumber) {
    const r = checkCertificateNumber(child.certificateNumber, child.region);
    if (r.ok && r.warning) out.certificateNumber = r.warning;
  }
  const age = fullYears(requireIsoDate(child.birthDate), requireIsoDate(today));
  if (child.document?.kind === 'passport' && age < 14)
    out['document.kind'] = 'Паспорт выдают с 14 лет. Если ребёнку меньше 14, выберите свидетельство о рождении';
  if (child.document?.kind === 'birth-certificate' && age >= 14)
    out['document.kind'] = 'С 14 лет документ ребёнка — паспорт: если паспорт уже получен, укажите его';
  if (child.document?.kind === 'temporary-id' && child.document.validUntil < today)
    out['document.validUntil'] = 'Срок действия временного удостоверения закончился: укажите новый документ';
  return out;
}
