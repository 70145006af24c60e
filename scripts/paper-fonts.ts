/**
 * The PDF fonts as the extension ships them: DejaVu Serif regular and bold (`public/fonts/`, the
 * full originals stay there as the source) cut at build time to the characters the papers and the
 * guide can print. Used by the WXT build (`wxt.config.ts`, hook `build:publicAssets`: the package
 * gets the subset files under the same names) and by the papers tests, which check the subset
 * against the full fonts.
 *
 * The cut is made by harfbuzz's own subsetter (npm `subset-font`, its WebAssembly build): the
 * glyphs of the characters below. TrueType hinting (instructions for screens of the 2000s) and the
 * tables GSUB, GPOS, GDEF, kern, MATH and FFTM are dropped (the papers' own embedder,
 * `utils/papers/embed-font.ts`, draws one glyph per character: no ligatures, no kerning):
 * ≈ 43 KB per face instead of 350–380 KB. A character outside the set is printed as «?»
 * (`fontSafeText` in `utils/papers/layout.ts` asks the font which characters it has), just as a
 * character the full font lacks always was.
 *
 * Node only (build and tests), never bundled into the extension.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shipped faces: path inside the package (same as in `public/`) → the full original. */
export const PAPER_FONT_FILES = {
  regular: 'fonts/DejaVuSerif.ttf',
  bold: 'fonts/DejaVuSerif-Bold.ttf',
} as const;

/** Unicode ranges (inclusive) the papers can print: whatever a Russian form, an address or a name can hold. */
export const PAPER_FONT_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // Basic Latin: digits, Latin letters (e-mail), ASCII punctuation
  [0x00a0, 0x017f], // Latin-1 and Latin Extended-A: NBSP, «», §, °, ©, ×, ·, accented Latin names
  [0x0300, 0x036f], // combining marks (a stress mark typed over a vowel)
  [0x0400, 0x04ff], // Cyrillic with Ёё and the letters of the other languages of Russia (Ә, Ө, Ү, Һ, Ӏ…)
  [0x2010, 0x2027], // dashes ‐ – —, quotes ‘ ’ ‚ “ ” „, • and …
  [0x2030, 0x203a], // ‰, primes ′ ″, ‹ ›
  [0x20ac, 0x20ac], // €
  [0x20bd, 0x20bd], // ₽
  [0x2116, 0x2116], // №
  [0x2122, 0x2122], // ™
  [0x2190, 0x2195], // arrows ← ↑ → ↓ ↔ ↕
  [0x2212, 0x2212], // minus sign
  [0x2248, 0x2248], // ≈
  [0x2260, 0x2260], // ≠
  [0x2264, 0x2265], // ≤ ≥
];

/** Every character of `PAPER_FONT_RANGES` as one string (the subsetter keeps those the font has). */
export function paperFontText(): string {
  let s = '';
  for (const [from, to] of PAPER_FONT_RANGES) for (let cp = from; cp <= to; cp++) s += String.fromCodePoint(cp);
  return s;
}

/** Options of the cut: no hinting, no layout tables (nothing in the papers' embedder reads them). */
const SUBSET_OPTIONS = {
  targetFormat: 'truetype',
  noHinting: true,
  dropTables: ['GSUB', 'GPOS', 'GDEF', 'kern', 'MATH', 'FFTM'],
} as const;

/**
 * Cuts one TrueType font to the papers' characters (`PAPER_FONT_RANGES`).
 * @param full the whole font (TrueType bytes)
 * @returns the subset font, TrueType bytes
 */
export async function subsetPaperFont(full: Uint8Array): Promise<Uint8Array> {
  const out = await subsetFont(Buffer.from(full.buffer, full.byteOffset, full.byteLength), paperFontText(), { ...SUBSET_OPTIONS });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** The full originals from `public/fonts/`. */
export function fullPaperFonts(): { regular: Uint8Array; bold: Uint8Array } {
  const read = (rel: string) => new Uint8Array(readFileSync(join(ROOT, 'public', rel)));
  return { regular: read(PAPER_FONT_FILES.regular), bold: read(PAPER_FONT_FILES.bold) };
}

let made: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;

/** Both faces as the extension ships them (made once per process). */
export function shippedPaperFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  if (!made) {
    const full = fullPaperFonts();
    made = Promise.all([subsetPaperFont(full.regular), subsetPaperFont(full.bold)]).then(([regular, bold]) => ({ regular, bold }));
  }
  return made;
}

/**
 * Writes the subset faces into `dir` (named by a hash of the originals, the subset's settings and the
 * subsetter's version, so that any change makes new files) and returns, per package path, the file to copy.
 * For the build hook: `{ 'fonts/DejaVuSerif.ttf': '<dir>/DejaVuSerif.<hash>.ttf', … }`.
 * @param dir where to put the files (created if absent), e.g. `.wxt/paper-fonts`
 */
export async function writeShippedPaperFonts(dir: string): Promise<Record<string, string>> {
  const full = fullPaperFonts();
  const subsetter = createRequire(import.meta.url)('subset-font/package.json').version as string;
  const settings = JSON.stringify([PAPER_FONT_RANGES, SUBSET_OPTIONS, subsetter]);
  const out: Record<string, string> = {};
  mkdirSync(dir, { recursive: true });
  for (const face of ['regular', 'bold'] as const) {
    const hash = createHash('sha256').update(full[face]).update(settings).digest('hex').slice(0, 16);
    const name = PAPER_FONT_FILES[face].split('/').pop()!.replace(/\.ttf$/, `.${hash}.ttf`);
    const path = join(dir, name);
    if (!existsSync(path)) writeFileSync(path, (await shippedPaperFonts())[face]);
    out[PAPER_FONT_FILES[face]] = path;
  }
  return out;
}
