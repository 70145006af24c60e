/**
 * Form drafts of the profile editor: flat records of strings (what the inputs show) and the
 * conversions to and from the schema's objects, and the plan of a save-as-you-go step
 * ({@link planStore}). Pure; the options page renders them.
 * Dates in drafts are shown as `DD.MM.YYYY`; the schema accepts both that and `YYYY-MM-DD`.
 */
import { formatRuDate } from './dates';
import { Applicant as ApplicantSchema, fieldErrors, type Applicant, type Child, type ChildDocumentKind } from './schema';

/** Flat form state of the applicant block. */
export interface ApplicantDraft {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  relation: 'parent' | 'representative';
  email: string;
  phone: string;
  address: string;
  snils: string;
  passportSeries: string;
  passportNumber: string;
  passportIssuedAt: string;
  passportIssuedBy: string;
  passportDivisionCode: string;
}

/** Flat form state of one child; `docKind` `''` means «no document entered yet». */
export interface ChildDraft {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  region: '' | 'tver' | 'kuzbass';
  municipality: string;
  attends: '' | 'school' | 'kindergarten' | 'none';
  docKind: '' | ChildDocumentKind;
  docSeries: string;
  docNumber: string;
  docText: string;
  docIssuedAt: string;
  docIssuedBy: string;
  docDivisionCode: string;
  docValidUntil: string;
  snils: string;
  inn: string;
  address: string;
  certificateNumber: string;
}

const ru = (iso: string | undefined) => (iso ? formatRuDate(iso) : '');

/**
 * Draft of the applicant form.
 * @param a the stored applicant, or `undefined` for an empty form (no example data is prefilled)
 */
export function applicantToDraft(a?: Applicant): ApplicantDraft {
  return {
    lastName: a?.name.lastName ?? '',
    firstName: a?.name.firstName ?? '',
    middleName: a?.name.middleName ?? '',
    birthDate: ru(a?.birthDate),
    relation: a?.relation ?? 'parent',
    email: a?.email ?? '',
    phone: a?.phone ?? '',
    address: a?.address ?? '',
    snils: a?.snils ?? '',
    passportSeries: a?.passport?.series ?? '',
    passportNumber: a?.passport?.number ?? '',
    passportIssuedAt: ru(a?.passport?.issuedAt),
    passportIssuedBy: a?.passport?.issuedBy ?? '',
    passportDivisionCode: a?.passport?.divisionCode ?? '',
  };
}

/**
 * Input object for the `Applicant` schema. The passport is left out when all its fields are blank.
 * @param d the form draft
 */
export function draftToApplicantInput(d: ApplicantDraft): Record<string, unknown> {
  const passportFields = [d.passportSeries, d.passportNumber, d.passportIssuedAt, d.passportIssuedBy, d.passportDivisionCode];
  return {
    id: 'applicant',
    name: { lastName: d.lastName, firstName: d.firstName, middleName: d.middleName },
    birthDate: d.birthDate,
    relation: d.relation,
    email: d.email,
    phone: d.phone,
    address: d.address,
    snils: d.snils,
    passport: passportFields.some((v) => v.trim() !== '')
      ? { series: d.passportSeries, number: d.passportNumber, issuedAt: d.passportIssuedAt, issuedBy: d.passportIssuedBy, divisionCode: d.passportDivisionCode }
      : undefined,
  };
}

/**
 * Draft field that shows the error of a schema path of the applicant.
 * @param path a `fieldErrors` key, e.g. `name.lastName`, `passport.issuedAt`
 * @returns the draft key, e.g. `lastName`, `passportIssuedAt` (`''` for form-level errors)
 */
export function applicantErrorKey(path: string): keyof ApplicantDraft | '' {
  const [head, sub] = path.split('.');
  if (head === 'name' && sub) return sub as keyof ApplicantDraft;
  if (head === 'name') return 'lastName';
  if (head === 'passport' && sub) return `passport${sub[0]!.toUpperCase()}${sub.slice(1)}` as keyof ApplicantDraft;
  if (head === 'passport') return 'passportSeries';
  const direct: string[] = ['birthDate', 'relation', 'email', 'phone', 'address', 'snils'];
  return head && direct.includes(head) ? (head as keyof ApplicantDraft) : '';
}

/**
 * Schema errors by applicant draft field (the first message of each field; form-level errors on
 * «Фамилия», the form's first field).
 * @param byPath `fieldErrors` output or a `ProfileValidationError`'s fields
 */
export function applicantDraftErrors(byPath: Record<string, string>): Partial<Record<keyof ApplicantDraft, string>> {
  const out: Partial<Record<keyof ApplicantDraft, string>> = {};
  for (const [path, msg] of Object.entries(byPath)) out[applicantErrorKey(path) || 'lastName'] ??= msg;
  return out;
}

/**
 * The applicant form's check: the draft against the `Applicant` schema (СНИЛС, ИНН, passport…).
 * @returns Russian errors by draft field; `{}` when the draft may be stored
 */
export function validateApplicantDraft(d: ApplicantDraft): Partial<Record<keyof ApplicantDraft, string>> {
  const r = ApplicantSchema.safeParse(draftToApplicantInput(d));
  return r.success ? {} : applicantDraftErrors(fieldErrors(r.error));
}

/**
 * Draft of the child form.
 * @param c the stored child, or `undefined` for a new, empty child
 * @param newId id for a new child (e.g. `crypto.randomUUID()`)
 */
export function childToDraft(c: Child | undefined, newId = ''): ChildDraft {
  const doc = c?.document;
  const get = <K extends string>(k: K): string => (doc && k in doc ? String((doc as Record<string, unknown>)[k] ?? '') : '');
  return {
    id: c?.id ?? newId,
    lastName: c?.name.lastName ?? '',
    firstName: c?.name.firstName ?? '',
    middleName: c?.name.middleName ?? '',
    birthDate: ru(c?.birthDate),
    region: c?.region ?? '',
    municipality: c?.municipality ?? '',
    attends: c?.attends ?? '',
    docKind: doc?.kind ?? '',
    docSeries: get('series'),
    docNumber: get('number'),
    docText: get('text'),
    docIssuedAt: ru(get('issuedAt') || undefined),
    docIssuedBy: get('issuedBy'),
    docDivisionCode: get('divisionCode'),
    docValidUntil: ru(get('validUntil') || undefined),
    snils: c?.snils ?? '',
    inn: c?.inn ?? '',
    address: c?.address ?? '',
    certificateNumber: c?.certificateNumber ?? '',
  };
}

/**
 * Input object for the `Child` schema: only the fields of the chosen document kind are passed.
 * @param d the form draft
 */
export function draftToChildInput(d: ChildDraft): Record<string, unknown> {
  let document: Record<string, unknown> | undefined;
  switch (d.docKind) {
    case 'birth-certificate':
      document = { kind: d.docKind, series: d.docSeries, number: d.docNumber, issuedAt: d.docIssuedAt, issuedBy: d.docIssuedBy };
      break;
    case 'passport':
      document = { kind: d.docKind, series: d.docSeries, number: d.docNumber, issuedAt: d.docIssuedAt, issuedBy: d.docIssuedBy, divisionCode: d.docDivisionCode };
      break;
    case 'foreign-birth-certificate':
      document = { kind: d.docKind, text: d.docText, issuedAt: d.docIssuedAt };
      break;
    case 'temporary-id':
      document = { kind: d.docKind, text: d.docText, validUntil: d.docValidUntil };
      break;
  }
  return {
    id: d.id,
    name: { lastName: d.lastName, firstName: d.firstName, middleName: d.middleName },
    birthDate: d.birthDate,
    document,
    snils: d.snils,
    inn: d.inn,
    address: d.address,
    attends: d.attends || undefined,
    municipality: d.municipality,
    region: d.region || undefined,
    certificateNumber: d.certificateNumber,
  };
}

/**
 * Draft field that shows the error of a schema path of a child.
 * @param path a `fieldErrors` key, e.g. `name.firstName`, `document.series`
 * @returns the draft key, e.g. `firstName`, `docSeries` (`''` for form-level errors)
 */
export function childErrorKey(path: string): keyof ChildDraft | '' {
  const [head, sub] = path.split('.');
  if (head === 'name') return (sub as keyof ChildDraft) ?? 'lastName';
  if (head === 'document') return sub ? (`doc${sub[0]!.toUpperCase()}${sub.slice(1)}` as keyof ChildDraft) : 'docKind';
  const direct: string[] = ['id', 'birthDate', 'region', 'municipality', 'attends', 'snils', 'inn', 'address', 'certificateNumber'];
  return head && direct.includes(head) ? (head as keyof ChildDraft) : '';
}

// ---------------------------------------------------------------------------------------
// Saving as you go: which part of a draft can be stored now, and what is still unsaved.

/** Russian names of the applicant's draft fields (lower case, for messages like «Не сохранено: телефон»). */
export const APPLICANT_FIELD_NAMES: Record<keyof ApplicantDraft, string> = {
  lastName: 'фамилия',
  firstName: 'имя',
  middleName: 'отчество',
  birthDate: 'дата рождения',
  relation: 'кем вы приходитесь ребёнку',
  email: 'электронная почта',
  phone: 'телефон',
  address: 'адрес регистрации',
  snils: 'СНИЛС',
  passportSeries: 'серия паспорта',
  passportNumber: 'номер паспорта',
  passportIssuedAt: 'дата выдачи паспорта',
  passportIssuedBy: 'кем выдан паспорт',
  passportDivisionCode: 'код подразделения',
};

/** Russian names of a child's draft fields (lower case, for messages). */
export const CHILD_FIELD_NAMES: Record<keyof ChildDraft, string> = {
  id: 'запись ребёнка',
  lastName: 'фамилия',
  firstName: 'имя',
  middleName: 'отчество',
  birthDate: 'дата рождения',
  region: 'регион',
  municipality: 'город или район',
  attends: 'школа или детский сад',
  docKind: 'вид документа',
  docSeries: 'серия документа',
  docNumber: 'номер документа',
  docText: 'номер документа',
  docIssuedAt: 'дата выдачи документа',
  docIssuedBy: 'кем выдан документ',
  docDivisionCode: 'код подразделения',
  docValidUntil: 'срок действия документа',
  snils: 'СНИЛС',
  inn: 'ИНН',
  address: 'адрес',
  certificateNumber: 'номер сертификата',
};

/**
 * The group an applicant's draft field is stored with. The schema takes the passport only as a
 * whole (series, number, date and issuer together), so its five fields form one group `passport`;
 * every other field is a group of its own (its key).
 * @param key a draft field
 * @returns the group name
 */
export function applicantFieldGroup(key: keyof ApplicantDraft): string {
  return key.startsWith('passport') ? 'passport' : key;
}

/**
 * Fields whose values differ between two drafts of the same shape (exact string comparison).
 * @param a a draft
 * @param b another draft
 * @returns the differing keys, in `a`'s key order
 */
export function changedKeys<D extends object>(a: D, b: D): (keyof D)[] {
  return (Object.keys(a) as (keyof D)[]).filter((k) => a[k] !== b[k]);
}

/** What {@link planStore} found for a draft. */
export interface StorePlan<D> {
  /**
   * The draft to store now: the user's values where they are valid, the stored values for every
   * field group with an error. `null` when there is nothing new to store or the result would
   * still be invalid (e.g. a required field that was never stored is blank).
   */
  toStore: D | null;
  /** Fields whose typed value is not stored yet (they differ from `saved`), including those `toStore` will store. */
  waiting: (keyof D)[];
  /** Fields whose typed value this plan does not store either (they differ from what is stored afterwards). */
  unsaved: (keyof D)[];
  /**
   * Fields to fill in or fix before the unsaved ones can be stored: errors in the groups of the
   * unsaved fields, and, when nothing can be stored, every error that prevents it (empty when
   * nothing is unsaved).
   */
  blockers: (keyof D)[];
}

/**
 * Plans a save-as-you-go step: stores every valid part of a draft without storing anything
 * invalid. A field group with an error keeps its stored value (the typed value stays a draft).
 * @param draft what the form shows
 * @param saved the draft the stored record was made from (the empty draft when nothing is stored)
 * @param validate Russian errors by draft key for a draft (from the zod schema); `{}` when valid
 * @param groupOf the group a field is stored with (see {@link applicantFieldGroup}); default: each field alone
 * @returns see {@link StorePlan}; `toStore` always passes `validate`
 */
export function planStore<D extends object>(
  draft: D,
  saved: D,
  validate: (d: D) => Partial<Record<keyof D, string>>,
  groupOf: (key: keyof D) => string = (k) => String(k),
): StorePlan<D> {
  const errorKeys = Object.keys(validate(draft)) as (keyof D)[];
  const badGroups = new Set(errorKeys.map(groupOf));
  const merged = { ...draft };
  for (const k of Object.keys(draft) as (keyof D)[]) if (badGroups.has(groupOf(k))) merged[k] = saved[k];
  const mergedErrors = Object.keys(validate(merged)) as (keyof D)[];
  const storable = mergedErrors.length === 0;
  const after = storable ? merged : saved;
  const unsaved = changedKeys(draft, after);
  const unsavedGroups = new Set(unsaved.map(groupOf));
  const blockers = unsaved.length ? [...new Set([...errorKeys.filter((k) => unsavedGroups.has(groupOf(k))), ...(storable ? [] : mergedErrors)])] : [];
  return { toStore: storable && changedKeys(merged, saved).length > 0 ? merged : null, waiting: changedKeys(draft, saved), unsaved, blockers };
}

/**
 * What to do so that the unsaved fields can be stored, in Russian.
 * @param plan `unsaved` and `blockers` of {@link planStore}
 * @param draft the draft (a blank blocker is to be filled in, a non-blank one checked)
 * @param names Russian field names, e.g. {@link APPLICANT_FIELD_NAMES}
 * @returns e.g. «проверьте: СНИЛС; заполните: номер паспорта, дата выдачи паспорта», fields in
 *   form order; `null` when nothing is unsaved or nothing blocks the save
 */
export function unsavedAdvice<D extends object>(
  plan: Pick<StorePlan<D>, 'unsaved' | 'blockers'>,
  draft: D,
  names: Record<keyof D, string>,
): string | null {
  if (!plan.unsaved.length || !plan.blockers.length) return null;
  const order = Object.keys(draft) as (keyof D)[];
  const sorted = [...plan.blockers].sort((x, y) => order.indexOf(x) - order.indexOf(y));
  const list = (keys: (keyof D)[]) => [...new Set(keys.map((k) => names[k]))].join(', ');
  const toCheck = sorted.filter((k) => String(draft[k]).trim() !== '');
  const toFill = sorted.filter((k) => String(draft[k]).trim() === '');
  return [toCheck.length && `проверьте: ${list(toCheck)}`, toFill.length && `заполните: ${list(toFill)}`].filter(Boolean).join('; ');
}

/**
 * A Russian sentence about unsaved fields, for the status line of a form.
 * @param plan `unsaved` and `blockers` of {@link planStore}
 * @param draft the draft (a blank blocker is to be filled in, a non-blank one checked)
 * @param names Russian field names, e.g. {@link APPLICANT_FIELD_NAMES}
 * @returns e.g. «Не сохранено: телефон. Чтобы сохранить, заполните: фамилия, имя.» or
 *   «Не сохранено — проверьте: СНИЛС.»; `null` when nothing is unsaved or nothing blocks the save
 */
export function unsavedMessage<D extends object>(
  plan: Pick<StorePlan<D>, 'unsaved' | 'blockers'>,
  draft: D,
  names: Record<keyof D, string>,
): string | null {
  const advice = unsavedAdvice(plan, draft, names);
  if (!advice) return null;
  const { unsaved, blockers } = plan;
  const same = unsaved.length === blockers.length && unsaved.every((k) => blockers.includes(k));
  return same ? `Не сохранено — ${advice}.` : `Не сохранено: ${[...new Set(unsaved.map((k) => names[k]))].join(', ')}. Чтобы сохранить, ${advice}.`;
}
