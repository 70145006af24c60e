/**
 * Maps the profile to the input of the printed papers (`utils/papers`, the Заявление and the
 * consents, domain.md §5–§6). Only types are imported from the papers module, so this file
 * never pulls pdf-lib into a page.
 */
import type { PapersInput } from '@/utils/papers/types';
import { formatRuDate, todayLocal } from './dates';
import { assessEligibility, SELF_APPLY_AGE } from './eligibility';
import { DEFAULT_CERTIFICATE_GROUP } from './fill-values';
import type { Applicant, Child, ChildDocument, Passport, PersonName } from './schema';

/** Options of {@link papersInputFor}. */
export interface PapersInputOptions {
  /**
   * Reference date `YYYY-MM-DD` (default: today, local calendar): the child's age on it decides
   * who applies. Not printed: the papers' date lines stay blank to be dated by hand at signing.
   */
  date?: string;
  /**
   * The child (14–17) applies alone and signs (domain.md §6 [advice]). Default: true when the
   * child is 14 or older and no applicant is given. Ignored under 14.
   */
  selfApply?: boolean;
  /** Certificate group printed as the category (default «Дети в возрасте от 5 до 18 лет»). */
  category?: string;
}

/**
 * «Фамилия Имя Отчество».
 * @param n a parsed name
 */
export function fullName(n: PersonName): string {
  return [n.lastName, n.firstName, n.middleName].filter(Boolean).join(' ');
}

/**
 * The applicant's passport as printed on the consent (152-ФЗ ст. 9 ч. 4 п. 1: number, issue
 * date and issuer), e.g. «паспорт гражданина РФ серия 32 06 № 114590, выдан 17.05.2008
 * Отделом УФМС …, код подразделения 420-012».
 * @param p a parsed passport (series 4 digits, dates `YYYY-MM-DD`)
 */
export function formatPassport(p: { series: string; number: string; issuedAt?: string; issuedBy?: string; divisionCode?: string }): string {
  let s = `паспорт гражданина РФ серия ${p.series.slice(0, 2)} ${p.series.slice(2)} № ${p.number}`;
  if (p.issuedAt || p.issuedBy) s += `, выдан${p.issuedAt ? ` ${formatRuDate(p.issuedAt)}` : ''}${p.issuedBy ? ` ${p.issuedBy}` : ''}`;
  if (p.divisionCode) s += `, код подразделения ${p.divisionCode}`;
  return s;
}

/**
 * The child's identity document as printed on the papers, starting with the document's name
 * in lower case (the papers module recognises «свидетельство о рождении…» as the parent's
 * authority document): e.g. «свидетельство о рождении III-ПО № 537155, выдано 20.03.2015,
 * Отдел ЗАГС г. Киселевска».
 * @param d a parsed child document
 */
export function formatChildDocument(d: ChildDocument): string {
  switch (d.kind) {
    case 'birth-certificate': {
      let s = `свидетельство о рождении ${d.series} № ${d.number}`;
      if (d.issuedAt) s += `, выдано ${formatRuDate(d.issuedAt)}`;
      if (d.issuedBy) s += `, ${d.issuedBy}`;
      return s;
    }
    case 'foreign-birth-certificate':
      return `свидетельство о рождении (иностранное) ${d.text}${d.issuedAt ? `, выдано ${formatRuDate(d.issuedAt)}` : ''}`;
    case 'passport':
      return formatPassport(d);
    case 'temporary-id':
      return `временное удостоверение личности гражданина РФ № ${d.text}, действительно до ${formatRuDate(d.validUntil)}`;
  }
}

function applicantPassport(p: Passport | undefined): string | undefined {
  return p ? formatPassport(p) : undefined;
}

/** Drops keys whose value is `undefined` or an empty string. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/**
 * The papers' input for one child (domain.md §5–§6).
 * @param child a parsed child (its `region` selects the template)
 * @param applicant the parent/representative, if known
 * @param opts reference date `YYYY-MM-DD` (not printed), whether the child (14+) applies alone, category
 * @returns `PapersInput`: dates of birth as `DD.MM.YYYY`, documents as printed text, absent
 *   values omitted (they print as blank lines)
 * @throws RangeError when a date is not a real `YYYY-MM-DD` date
 */
export function papersInputFor(child: Child, applicant?: Applicant | null, opts: PapersInputOptions = {}): PapersInput {
  const date = opts.date ?? todayLocal();
  const { age } = assessEligibility(child.birthDate, date);
  const appliesAlone = age >= SELF_APPLY_AGE && (opts.selfApply ?? !applicant);
  const input: PapersInput = {
    region: child.region,
    date,
    category: opts.category ?? DEFAULT_CERTIFICATE_GROUP,
    child: compact({
      fullName: fullName(child.name),
      birthDate: formatRuDate(child.birthDate),
      document: child.document ? formatChildDocument(child.document) : undefined,
      address: child.address,
      snils: child.snils,
      appliesAlone: appliesAlone || undefined,
    }),
  };
  if (child.certificateNumber) input.certificateNumber = child.certificateNumber;
  if (applicant) {
    input.applicant = compact({
      fullName: fullName(applicant.name),
      address: applicant.address,
      passport: applicantPassport(applicant.passport),
      phone: applicant.phone,
      email: applicant.email,
      relation: applicant.relation,
    });
  }
  return input;
}

/**
 * Input for a blank form of a region (every value left as a blank line to fill by hand).
 * @param region `tver` or `kuzbass`
 */
export function blankPapersInput(region: Child['region']): PapersInput {
  return { region };
}
