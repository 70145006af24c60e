/**
 * Printable papers for the certificate of additional education: the Заявление
 * and the separate consents to personal-data processing (152-ФЗ ст. 9 ч. 4;
 * separate documents per 156-ФЗ), as one A4 PDF.
 *
 * This module pulls in pdf-lib (large: the lazy chunk is ≈ 310 KB; the fonts are embedded by our
 * own reader, `embed-font.ts`, without fontkit): import it dynamically from extension pages
 * (`await import('@/utils/papers')`), never from content scripts.
 */
import { renderPapersPdf } from './build';
import { loadPaperFonts } from './fonts';
import type { PaperFonts, PapersInput } from './types';

export type { ApplicantRelation, PaperFonts, PapersApplicant, PapersChild, PapersInput, PapersOperator, PapersRegion } from './types';
export { formatPaperDate } from './format';
export { papersFileName } from './names';
export { REGION_TEMPLATES } from './templates';

/**
 * Builds the printable PDF for one child.
 *
 * Input: `PapersInput` (everything but `region` optional; missing values print
 * as blank ruled lines with captions, so `{ region }` gives a blank form).
 * `fonts`: TrueType bytes (regular + bold, Cyrillic); when omitted the shipped
 * DejaVu Serif is fetched from the extension package (`/fonts/*.ttf`, cut at
 * build time to the characters the papers print, `scripts/paper-fonts.ts`).
 * Output: PDF bytes (A4): Заявление, then each consent from a new page
 * (applicant's own data; the child's data signed by the parent — or, when
 * `child.appliesAlone`, one consent signed by the child aged 14–17 with an
 * optional parent co-signature). Date lines are left blank to be written by hand
 * when signing (`date` is validated but not printed). Fonts are embedded cut to
 * the glyphs the PDF draws (the filled papers ≈ 33 KB in all). Metadata carries
 * no personal data. The parsed fonts are kept for the next PDF of the page.
 *
 * Errors: `RangeError` for a malformed `date` (must be `YYYY-MM-DD`); `Error`
 * when the fonts cannot be loaded, or are not TrueType («Шрифт не читается: …»).
 */
export async function buildPapersPdf(input: PapersInput, fonts?: PaperFonts): Promise<Uint8Array> {
  return renderPapersPdf(input, fonts ?? (await loadPaperFonts()));
}
