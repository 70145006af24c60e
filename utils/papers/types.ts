/**
 * Input of the printed papers: the Заявление о предоставлении сертификата
 * дополнительного образования and the separate Согласия на обработку
 * персональных данных (152-ФЗ ст. 9 ч. 4, as amended by 156-ФЗ).
 *
 * Every field is optional: whatever is missing is printed as a blank ruled
 * line with a small caption, so that `{ region }` alone gives a fully blank
 * form to fill in by hand. Values are printed as given (after whitespace
 * normalisation); this module validates nothing but the date format.
 */

/** Region whose wording the papers use (see `REGION_TEMPLATES` in `templates.ts`). */
export type PapersRegion = 'tver' | 'kuzbass';

/** Who the applicant is to the child; decides the wording «родителем» / «законным представителем». */
export type ApplicantRelation = 'parent' | 'representative';

/** The adult applicant (parent or other legal representative). */
export interface PapersApplicant {
  /** «Фамилия Имя Отчество», отчество optional. */
  fullName?: string;
  /** Address of registration / residence, free text. */
  address?: string;
  /**
   * Main identity document, already formatted, e.g.
   * «паспорт гражданина РФ серия 32 06 № 114590, выдан 17.05.2006 ОВД г. Киселевска».
   * 152-ФЗ ст. 9 ч. 4 п. 1–2 needs number, issue date and issuer.
   */
  passport?: string;
  /** Phone as the user wants it printed, e.g. «+7 (900) 123-45-67». */
  phone?: string;
  /** E-mail address. */
  email?: string;
  /** Parent (default wording «родителем (законным представителем)» when absent) or other representative. */
  relation?: ApplicantRelation;
}

/** The child the certificate is for. */
export interface PapersChild {
  /** «Фамилия Имя Отчество». */
  fullName?: string;
  /** Date of birth as DD.MM.YYYY (printed as given). */
  birthDate?: string;
  /**
   * Identity document, already formatted, e.g.
   * «свидетельство о рождении III-ПО № 537155, выдано 02.03.2012 отделом ЗАГС г. Киселевска»
   * or, from 14, «паспорт гражданина РФ серия …». When it starts with «свидетельство о рождении»
   * it is also printed as the parent's authority document in the child's consent (152-ФЗ ст. 9 ч. 4 п. 2).
   */
  document?: string;
  /** Address of residence, free text. */
  address?: string;
  /** СНИЛС as the user wants it printed, e.g. «112-233-445 95». */
  snils?: string;
  /**
   * True when a child aged 14–17 applies alone: the child is the applicant, signs the Заявление
   * and one consent for own data; the parent may co-sign that consent (optional line).
   */
  appliesAlone?: boolean;
}

/** The personal-data operator receiving the consent (152-ФЗ ст. 9 ч. 4 п. 3); municipal. */
export interface PapersOperator {
  /** Name of the organisation (or ФИО of an individual operator). */
  name?: string;
  /** Its address. */
  address?: string;
}

/**
 * Everything the papers can be filled with. All fields optional → blank lines.
 *
 * - `date`: the day the papers are prepared, `YYYY-MM-DD` (the caller decides with it, e.g.,
 *   whether a child of 14+ applies alone). It is validated — a malformed or impossible date
 *   makes `buildPapersPdf` throw a `RangeError` — but never printed: every date line is left
 *   blank, «___» ________ 20__ г., to be written by hand on the day of signing (seed 003).
 * - `certificateNumber`: registry record number, printed as given after «№».
 * - `category`: certificate group, e.g. «Дети в возрасте от 5 до 18 лет».
 */
export interface PapersInput {
  region: PapersRegion;
  date?: string;
  certificateNumber?: string;
  category?: string;
  applicant?: PapersApplicant;
  child?: PapersChild;
  operator?: PapersOperator;
}

/**
 * TrueType font bytes to embed (Cyrillic required). Normally DejaVu Serif from
 * `public/fonts/`; the extension loads them itself when they are not passed.
 */
export interface PaperFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}
