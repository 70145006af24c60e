import { describe, expect, it } from 'vitest';
import { renderPapersPdf } from '@/utils/papers/build';
import { BLANK, FILLED, originalFonts, shippedFonts } from './helpers';

const fonts = await shippedFonts();
/** Byte budget of the filled PDF with subset fonts (measured ≈ 33 KB; the full original fonts alone are ≈ 720 KB). */
const BUDGET = 300 * 1024;

describe('papers PDF: size', () => {
  it(`the filled and blank PDFs with subset fonts stay under ${BUDGET / 1024} KB; full embedding is reported for comparison`, async () => {
    const filledSubset = (await renderPapersPdf(FILLED, fonts)).length;
    const blankSubset = (await renderPapersPdf(BLANK, fonts)).length;
    const filledFull = (await renderPapersPdf(FILLED, originalFonts(), { subset: false })).length;
    console.log(
      `papers PDF size: filled ${(filledSubset / 1024).toFixed(1)} KB (subset), ${(filledFull / 1024).toFixed(1)} KB (full original fonts); blank ${(blankSubset / 1024).toFixed(1)} KB (subset)`,
    );
    expect(filledSubset).toBeLessThan(BUDGET);
    expect(blankSubset).toBeLessThan(BUDGET);
    expect(filledFull).toBeGreaterThan(filledSubset * 3);
  });
});
