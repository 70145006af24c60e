/**
 * File name of the printable PDF. Kept apart from `index.ts` so that a page can
 * import it statically without pulling in pdf-lib.
 */
import { fileSafeSurname } from './format';
import type { PapersInput } from './types';

/**
 * Download file name for the PDF: «Заявление-и-согласия-<Фамилия ребёнка>.pdf»
 * when the child's name is known, «Заявление-и-согласия.pdf» when only other
 * family data is (date, number, category, applicant or child fields),
 * «Бланк-заявления.pdf» for a fully blank form. The surname is reduced to
 * letters, digits and hyphens (no path separators).
 */
export function papersFileName(input: PapersInput): string {
  const surname = fileSafeSurname(input.child?.fullName);
  if (surname) return `Заявление-и-согласия-${surname}.pdf`;
  const values = [
    input.certificateNumber,
    input.category,
    input.date,
    ...Object.values(input.applicant ?? {}),
    ...Object.values(input.child ?? {}),
  ];
  const anyData = values.some((v) => typeof v === 'string' && v.trim() !== '');
  return anyData ? 'Заявление-и-согласия.pdf' : 'Бланк-заявления.pdf';
}
