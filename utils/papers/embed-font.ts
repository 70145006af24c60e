/**
 * Embeds a TrueType font into a pdf-lib document with the project's own reader
 * (`utils/papers/truetype.ts`) instead of pdf-lib's `embedFont`, which needs fontkit (≈ 600 KB of
 * script, and its text layout was most of the time a PDF took).
 *
 * The font is written as PDF 32000-1:2008 §9.7 describes a composite font: Type0 with
 * Identity-H encoding (the text is a string of 2-byte glyph ids) → CIDFontType2 with an
 * Identity CIDToGIDMap and a W array of the glyphs' widths → FontDescriptor → FontFile2 (the
 * font program, by default cut to the glyphs the PDF draws), and a ToUnicode CMap so that
 * copying text or `pdftotext` gives back the characters. pdf-lib draws with it as with its own
 * fonts: `page.drawText(text, { font })`, `font.widthOfTextAtSize`.
 *
 * No shaping: one glyph per character, no ligatures, no kerning — the shipped fonts have none
 * (`scripts/paper-fonts.ts` drops GSUB, GPOS and kern) and pdf-lib never kerned.
 */
import { CustomFontEmbedder, PDFFont, PDFHexString, PDFString, type PDFContext, type PDFDocument, type PDFRef } from 'pdf-lib';
import { deflate } from './deflate';
import { parseTrueType, subsetTrueType, type TrueTypeFont } from './truetype';

/** Options of `embedTrueType`. */
export interface EmbedTrueTypeOptions {
  /**
   * Cut the embedded font program to the glyphs the document draws (default true). False embeds
   * the font file as given (for comparisons in tests).
   */
  subset?: boolean;
}

/** Glyph id → 4 hex digits, made once. */
const HEX4: string[] = Array.from({ length: 0x10000 }, (_, i) => i.toString(16).padStart(4, '0'));

/** Per font, shared by every PDF: widths at 1000 units per em, and recently written font programs. */
interface FontShared {
  widths1000: Float64Array;
  /** Deflated font programs (and their length before deflating) by the glyph list they keep ('*': the whole font); a few, newest last. */
  programs: Map<string, { deflated: Uint8Array; length: number }>;
}

const shared = new WeakMap<TrueTypeFont, FontShared>();
const parsed = new WeakMap<Uint8Array, TrueTypeFont>();
/** Font programs remembered per font (a PDF and its repetitions draw the same glyphs). */
const PROGRAMS_KEPT = 4;

/**
 * Parses font bytes once: the same `Uint8Array` (e.g. the cached shipped fonts) gives the same
 * parsed font for every PDF.
 * @param bytes TrueType font file
 * @returns the parsed font (see `parseTrueType`)
 * @throws Error (Russian message) for bytes that are not a TrueType font
 */
export function trueTypeOf(bytes: Uint8Array): TrueTypeFont {
  let font = parsed.get(bytes);
  if (!font) parsed.set(bytes, (font = parseTrueType(bytes)));
  return font;
}

function sharedOf(font: TrueTypeFont): FontShared {
  let s = shared.get(font);
  if (!s) {
    const scale = 1000 / font.unitsPerEm;
    const widths1000 = new Float64Array(font.numGlyphs);
    for (let g = 0; g < font.numGlyphs; g++) widths1000[g] = font.advances[g] * scale;
    shared.set(font, (s = { widths1000, programs: new Map() }));
  }
  return s;
}

/** A PDF name-safe subset tag (six capitals, PDF 32000-1:2008 §9.6.4) derived from the glyph list. */
function subsetTag(key: string): string {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + i * 7919;
  }
  return tag;
}

/** UTF-16 hex of a code point, as a ToUnicode CMap writes it. */
function utf16Hex(cp: number): string {
  if (cp < 0x10000) return HEX4[cp];
  const c = cp - 0x10000;
  return HEX4[0xd800 + (c >> 10)] + HEX4[0xdc00 + (c & 0x3ff)];
}

/** The ToUnicode CMap (PDF 32000-1:2008 §9.10.3; Adobe technical note #5411), ≤ 100 entries per bfchar block. */
function toUnicodeCMap(map: [glyph: number, codePoint: number][]): string {
  const blocks: string[] = [];
  for (let i = 0; i < map.length; i += 100) {
    const part = map.slice(i, i + 100);
    blocks.push(`${part.length} beginbfchar\n${part.map(([g, cp]) => `<${HEX4[g]}> <${utf16Hex(cp)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/**
 * pdf-lib's font-embedder contract (`encodeText`, `widthOfTextAtSize`, `heightOfFontAtSize`,
 * `sizeOfFontAtHeight`, `embedIntoContext`, `font.characterSet`) over our own TrueType reader.
 * It extends `CustomFontEmbedder` only because `PDFFont` accepts nothing else; every method it
 * uses is overridden here, fontkit is never called. One per document: it records the glyphs the
 * document draws.
 */
class TrueTypeEmbedder extends CustomFontEmbedder {
  private readonly tt: TrueTypeFont;
  private readonly widths1000: Float64Array;
  private readonly subset: boolean;
  /** Glyphs drawn, each with the first character drawn with it (for ToUnicode). */
  private readonly drawn = new Map<number, number>();

  constructor(font: TrueTypeFont, subset: boolean) {
    // The base class reads `unitsPerEm`, `postscriptName` and (lazily, never here) the glyphs;
    // `font.characterSet` is what `PDFFont.getCharacterSet` returns.
    super(font as never, font.bytes);
    this.tt = font;
    this.subset = subset;
    this.widths1000 = sharedOf(font).widths1000;
  }

  /** Text → hex string of 2-byte glyph ids (Identity-H); a character the font lacks becomes glyph 0 (.notdef). */
  override encodeText(text: string): PDFHexString {
    let hex = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const g = this.tt.glyphOf(cp);
      if (g && !this.drawn.has(g)) this.drawn.set(g, cp);
      hex += HEX4[g];
    }
    return PDFHexString.of(hex);
  }

  /** Width of `text` at `size` pt, in points: the sum of the glyphs' advances (no kerning). */
  override widthOfTextAtSize(text: string, size: number): number {
    const w = this.widths1000;
    let total = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
        cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
      }
      total += w[this.tt.glyphOf(cp)];
    }
    return total * (size / 1000);
  }

  /** Height from descender to ascender at `size` pt (without the descender when `descender` is false). */
  override heightOfFontAtSize(size: number, options: { descender?: boolean } = {}): number {
    const { ascent, descent, bbox } = this.tt;
    const scale = 1000 / this.tt.unitsPerEm;
    let height = ((ascent || bbox.maxY) - (descent || bbox.minY)) * scale;
    if (options.descender === false) height -= Math.abs(descent) * scale;
    return (height / 1000) * size;
  }

  /** The size at which the font's ascender-to-descender height is `height` pt. */
  override sizeOfFontAtHeight(height: number): number {
    const { ascent, descent, bbox } = this.tt;
    const scale = 1000 / this.tt.unitsPerEm;
    return (1000 * height) / (((ascent || bbox.maxY) - (descent || bbox.minY)) * scale);
  }

  /** Writes the font objects (Type0 at `ref`); called by pdf-lib when the document is saved. */
  override async embedIntoContext(context: PDFContext, ref?: PDFRef): Promise<PDFRef> {
    const tt = this.tt;
    const scale = 1000 / tt.unitsPerEm;
    // Glyphs described in the PDF: those drawn, or (whole font) every glyph of a character.
    const map = new Map(this.drawn);
    if (!this.subset) for (const cp of tt.characterSet) if (!map.has(tt.glyphOf(cp))) map.set(tt.glyphOf(cp), cp);
    const glyphs = [...map.keys()].sort((a, b) => a - b);

    const key = glyphs.join(',');
    const name = this.subset ? `${subsetTag(key)}+${tt.postscriptName}` : tt.postscriptName;
    const program = await this.fontProgram(context, glyphs, key);

    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: name,
        Flags: tt.pdfFlags,
        FontBBox: [tt.bbox.minX * scale, tt.bbox.minY * scale, tt.bbox.maxX * scale, tt.bbox.maxY * scale],
        ItalicAngle: tt.italicAngle,
        Ascent: tt.ascent * scale,
        Descent: tt.descent * scale,
        CapHeight: (tt.capHeight || tt.ascent) * scale,
        XHeight: tt.xHeight * scale,
        // No dependable way to compute it for TrueType; viewers use it only for a substitute font.
        StemV: 0,
        FontFile2: program,
      }),
    );

    // W: [first [w w …] first [w …] …] over runs of consecutive glyph ids.
    const widths: (number | number[])[] = [];
    let run: number[] = [];
    glyphs.forEach((g, i) => {
      if (i === 0 || g !== glyphs[i - 1] + 1) {
        if (i > 0) widths.push(run);
        widths.push(g);
        run = [];
      }
      run.push(Math.round(this.widths1000[g] * 1000) / 1000);
    });
    if (glyphs.length) widths.push(run);

    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: name,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        // A glyph the list leaves out (.notdef) is as wide as layout measured it, not 1000.
        DW: Math.round(this.widths1000[0]),
        W: widths,
        CIDToGIDMap: 'Identity',
      }),
    );
    const cmap = new TextEncoder().encode(toUnicodeCMap(glyphs.map((g) => [g, map.get(g)!])));
    const toUnicode = context.register(context.stream(await deflate(cmap), { Filter: 'FlateDecode' }));
    const type0 = context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    });
    if (ref) {
      context.assign(ref, type0);
      return ref;
    }
    return context.register(type0);
  }

  /** The FontFile2 stream: the font (cut to `glyphs` when subsetting), deflated once per glyph list and font. */
  private async fontProgram(context: PDFContext, glyphs: number[], key: string): Promise<PDFRef> {
    const { programs } = sharedOf(this.tt);
    const cacheKey = this.subset ? key : '*';
    let program = programs.get(cacheKey);
    if (program) programs.delete(cacheKey); // re-inserted below as the newest
    else {
      const file = this.subset ? subsetTrueType(this.tt, glyphs) : this.tt.bytes;
      program = { deflated: await deflate(file), length: file.length };
    }
    programs.set(cacheKey, program);
    while (programs.size > PROGRAMS_KEPT) programs.delete(programs.keys().next().value!);
    // Length1: the length of the font program before compression (PDF 32000-1:2008, table 127).
    return context.register(context.stream(program.deflated, { Filter: 'FlateDecode', Length1: program.length }));
  }
}

/**
 * Embeds a TrueType font in `doc` as pdf-lib's `doc.embedFont(bytes, { subset })` would, without
 * fontkit: the returned `PDFFont` measures and draws text, and its objects are written when the
 * document is saved (each document gets its own objects; the parsed font and, for a repeated
 * glyph list, the compressed font program are shared between documents).
 * @param doc the document
 * @param font TrueType bytes (parsed once per `Uint8Array`, see `trueTypeOf`) or a parsed font
 * @param options `subset` (default true): cut the embedded program to the glyphs drawn
 * @returns the font to pass to `page.drawText`
 * @throws Error (Russian message) for bytes that are not a TrueType font; Error when pdf-lib's
 *   document no longer keeps its fonts where this code expects (a pdf-lib upgrade to check)
 */
export function embedTrueType(doc: PDFDocument, font: Uint8Array | TrueTypeFont, options: EmbedTrueTypeOptions = {}): PDFFont {
  const tt = font instanceof Uint8Array ? trueTypeOf(font) : font;
  const pdfFont = PDFFont.of(doc.context.nextRef(), doc, new TrueTypeEmbedder(tt, options.subset ?? true));
  // As `PDFDocument.embedFont` does: the document embeds the fonts of this list when it is saved.
  const fonts = (doc as unknown as { fonts?: unknown }).fonts;
  if (!Array.isArray(fonts)) throw new Error('pdf-lib: PDFDocument.fonts не найден (проверьте версию pdf-lib)');
  fonts.push(pdfFont);
  return pdfFont;
}
