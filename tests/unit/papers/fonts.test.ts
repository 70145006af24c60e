/**
 * The PDF fonts as shipped: DejaVu Serif cut at build time to the papers' characters
 * (`scripts/paper-fonts.ts`). They must hold every character the papers and the guide print
 * from the project's own texts, the same set in both faces, stay small, and a character outside
 * them must print as «?» (never as an empty box), as one missing from the full font always did.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderPapersPdf } from '@/utils/papers/build';
import { parseTrueType } from '@/utils/papers/truetype';
import { FILLED, norm, originalFonts, pdfText, requirePoppler, shippedFonts, tempDir, writePdf } from './helpers';

const ROOT = resolve(__dirname, '../../..');
const shipped = await shippedFonts();
const original = originalFonts();
const charsOf = (bytes: Uint8Array) => new Set(parseTrueType(bytes).characterSet);
const shippedChars = { regular: charsOf(shipped.regular), bold: charsOf(shipped.bold) };
const originalChars = { regular: charsOf(original.regular), bold: charsOf(original.bold) };
const tmp = tempDir();
beforeAll(() => requirePoppler());
afterAll(() => tmp.cleanup());

/** Source files whose texts end up in a PDF: the papers' templates, the steps, troubles and regions the guide prints. */
function printedSources(): string[] {
  const under = (dir: string) => readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));
  return [...under('utils/papers'), ...under('utils/flows'), ...under('utils/training'), 'utils/profile/regions.ts'];
}

describe('shipped PDF fonts (subset of DejaVu Serif)', () => {
  it('are small: each face under 50 000 bytes (the originals are 350–380 KB)', () => {
    expect(original.regular.length).toBeGreaterThan(300_000);
    for (const face of ['regular', 'bold'] as const) expect(shipped[face].length, face).toBeLessThan(50_000);
  });

  it('hold the letters, digits and signs of a Russian form in both faces', () => {
    const required =
      'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя' +
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' +
      ' .,;:!?()[]{}/\\@&%+-_=*#"\'«»„“”‘’—–‐…№§©°×·•→≈≤≥−\u00a0\u0301ІіЇїЄєҐґӘәӨөҮүҺһ';
    for (const face of ['regular', 'bold'] as const) {
      const missing = Array.from(required).filter((ch) => !shippedChars[face].has(ch.codePointAt(0)!));
      expect(missing, face).toEqual([]);
    }
  });

  it('both faces have the same characters (the text is checked once, against the regular face)', () => {
    expect([...shippedChars.bold].sort()).toEqual([...shippedChars.regular].sort());
  });

  it('keep every character of the texts the papers and the guide print that the full fonts have', () => {
    const files = printedSources();
    expect(files.length).toBeGreaterThan(10);
    const missing = new Map<string, string>();
    for (const file of files) {
      for (const ch of readFileSync(join(ROOT, file), 'utf8')) {
        const cp = ch.codePointAt(0)!;
        if (cp < 0x20) continue;
        for (const face of ['regular', 'bold'] as const) {
          if (originalChars[face].has(cp) && !shippedChars[face].has(cp)) missing.set(`${ch} U+${cp.toString(16)} (${face})`, file);
        }
      }
    }
    expect(Object.fromEntries(missing)).toEqual({});
  });

  it('a character outside the subset prints as «?», as one the full font lacks (not as an empty box)', async () => {
    // Ω is in the full DejaVu Serif, not in the subset; 漢 is in neither.
    const input = { ...FILLED, child: { ...FILLED.child, fullName: 'Иванов Ωмега 漢 Пётр' } };
    expect(originalChars.regular.has(0x3a9) && !shippedChars.regular.has(0x3a9)).toBe(true);
    expect(originalChars.regular.has(0x6f22)).toBe(false);
    const withShipped = norm(pdfText(writePdf(tmp.dir, 'outside-shipped', await renderPapersPdf(input, shipped)), 1));
    const withOriginal = norm(pdfText(writePdf(tmp.dir, 'outside-original', await renderPapersPdf(input, original)), 1));
    expect(withShipped).toContain('Иванов ?мега ? Пётр');
    expect(withOriginal).toContain('Иванов Ωмега ? Пётр');
  });
});
