/**
 * Form drafts of the profile editor: flat records of strings (what the inputs show) and the
 * conversions to and from the schema's objects. Pure; the options page renders them.
 * Dates in drafts are shown as `DD.MM.YYYY`; the schema accepts both that and `YYYY-MM-DD`.
 */
import { formatRuDate } from './dates';
import type { Applicant, Child, ChildDocumentKind } from './schema';

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
