/**
 * The strings a portal form may need, taken from the profile. The guide's «Заполнить» asks the
 * background for some of these keys (`utils/messages.ts`, `FillKey` in `utils/guide/types.ts`).
 */
import { formatRuDate } from './dates';
import type { Applicant, Child, ChildDocument } from './schema';

/** Certificate group chosen on the portals (municipal configuration, domain.md §1). */
export const DEFAULT_CERTIFICATE_GROUP = 'Дети в возрасте от 5 до 18 лет';

/**
 * Visible option text of the portals' «Тип документа» list for each document kind
 * (the cabinet.ruobr.ru form; the guide selects options by their text).
 */
export const DOCUMENT_KIND_LABELS: Record<ChildDocument['kind'], string> = {
  'birth-certificate': 'Свидетельство о рождении',
  passport: 'Паспорт гражданина РФ',
  'foreign-birth-certificate': 'Свидетельство о рождении (иностранное)',
  'temporary-id': 'Временное удостоверение личности',
};

/** Values for portal forms; a key is absent when the profile has no value for it. */
export interface FillValues {
  /** «Фамилия Имя Отчество» of the child, e.g. «Смирнова Анна Андреевна». */
  childName?: string;
  /** `DD.MM.YYYY`. */
  childBirthDate?: string;
  /** Visible option text, e.g. «Свидетельство о рождении», «Паспорт гражданина РФ». */
  documentKind?: string;
  /** e.g. `III-ПО` (birth certificate) or `3206` (passport). */
  documentSeries?: string;
  /** e.g. `537155`; for a foreign certificate or a temporary ID the whole free text. */
  documentNumber?: string;
  /** `DD.MM.YYYY`. */
  documentIssuedAt?: string;
  /** Issuing body as typed in the profile. */
  documentIssuedBy?: string;
  /** How the portal lists a saved document: «Свидетельство о рождении серия III-ПО № 537155». */
  documentLabel?: string;
  /** The applicant's e-mail. */
  email?: string;
  /** «Дети в возрасте от 5 до 18 лет». */
  certificateGroup?: string;
}

/**
 * Flat record of form values for one child (domain.md §3 formats; dates as `DD.MM.YYYY`
 * because the portals show dates that way).
 * @param child a parsed child
 * @param applicant the applicant, for the e-mail (optional)
 * @returns the values; absent values are omitted (no empty strings)
 */
export function fillValuesFor(child: Child, applicant?: Applicant | null): FillValues {
  const out: FillValues = {};
  const n = child.name;
  out.childName = [n.lastName, n.firstName, n.middleName].filter(Boolean).join(' ');
  out.childBirthDate = formatRuDate(child.birthDate);
  const doc = child.document;
  if (doc) {
    out.documentKind = DOCUMENT_KIND_LABELS[doc.kind];
    switch (doc.kind) {
      case 'birth-certificate':
      case 'passport':
        out.documentSeries = doc.series;
        out.documentNumber = doc.number;
        if (doc.issuedBy) out.documentIssuedBy = doc.issuedBy;
        out.documentLabel = `${DOCUMENT_KIND_LABELS[doc.kind]} серия ${doc.series} № ${doc.number}`;
        break;
      case 'foreign-birth-certificate':
      case 'temporary-id':
        out.documentNumber = doc.text;
        out.documentLabel = `${DOCUMENT_KIND_LABELS[doc.kind]} ${doc.text}`;
        break;
    }
    if ('issuedAt' in doc && doc.issuedAt) out.documentIssuedAt = formatRuDate(doc.issuedAt);
  }
  if (applicant?.email) out.email = applicant.email;
  out.certificateGroup = DEFAULT_CERTIFICATE_GROUP;
  return out;
}
