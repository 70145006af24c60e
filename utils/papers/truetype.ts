/**
 * A small TrueType reader: what a PDF needs to measure and embed a font (metrics, the character
 * map, glyph advances, the glyph outlines' places), and a cutter that keeps only the glyphs a PDF
 * draws. Made for the papers' fonts (DejaVu Serif cut at build time, `scripts/paper-fonts.ts`):
 * no shaping (the shipped fonts have no GSUB/GPOS/kern), one glyph per character.
 *
 * Pure: bytes in, numbers and bytes out; no pdf-lib, no DOM (the embedder on top of it is
 * `utils/papers/embed-font.ts`). Format reference: the OpenType specification
 * (https://learn.microsoft.com/typography/opentype/spec/), tables head, hhea, hmtx, maxp, cmap
 * (formats 4 and 12), OS/2, post, name, loca, glyf.
 */

/** Where one table lies in the font file. */
interface TableEntry {
  offset: number;
  length: number;
}

/** A parsed TrueType font. Immutable once made: several PDFs may share one. */
export interface TrueTypeFont {
  /** The font file as given. */
  readonly bytes: Uint8Array;
  /** PostScript name (name table, id 6), e.g. «DejaVuSerif-Bold»; «Font» when absent. */
  readonly postscriptName: string;
  /** Font units per em (head). */
  readonly unitsPerEm: number;
  /** Bounding box of all glyphs, font units (head). */
  readonly bbox: { minX: number; minY: number; maxX: number; maxY: number };
  /** Typographic ascender and descender, font units (hhea; descent is negative). */
  readonly ascent: number;
  readonly descent: number;
  /** Height of capitals and of «x», font units (OS/2 version ≥ 2; 0 when unknown). */
  readonly capHeight: number;
  readonly xHeight: number;
  /** Italic angle, degrees counter-clockwise from vertical (post). */
  readonly italicAngle: number;
  /** Flags of a PDF font descriptor (PDF 32000-1:2008, 9.8.2): symbolic, serif, fixed pitch, italic. */
  readonly pdfFlags: number;
  /** Number of glyphs (maxp). */
  readonly numGlyphs: number;
  /** Advance width of every glyph, font units (hmtx). */
  readonly advances: Uint16Array;
  /** Every Unicode code point the font maps to a glyph, ascending. */
  readonly characterSet: number[];
  /** Glyph of a code point; 0 (.notdef) when the font has none. */
  glyphOf(codePoint: number): number;
}

/** Internal: the parsed font with the pieces the cutter needs. */
interface ParsedFont extends TrueTypeFont {
  readonly tables: ReadonlyMap<string, TableEntry>;
  /** loca: glyph `g` is glyf[offsets[g] .. offsets[g+1]). */
  readonly glyphOffsets: Uint32Array;
  /** head.indexToLocFormat: 0 short (offset / 2 in 16 bits), 1 long (32 bits). */
  readonly locaFormat: number;
}

function fail(message: string): never {
  throw new Error(`Шрифт не читается: ${message}`);
}

/**
 * Parses a TrueType font (glyf outlines; `true` or 0x00010000 sfnt version).
 * @param bytes the font file
 * @returns the font's metrics, character map and glyph places
 * @throws Error (Russian message) for a file that is not a TrueType font with glyf outlines
 *   (e.g. CFF-flavoured OpenType, WOFF, a collection) or whose tables are cut short
 */
export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
  if (bytes.length < 12) fail('файл слишком короткий');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = v.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) fail(`это не TrueType (0x${version.toString(16)})`);
  const numTables = v.getUint16(4);
  const tables = new Map<string, TableEntry>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    if (rec + 16 > bytes.length) fail('оглавление обрезано');
    const tag = String.fromCharCode(bytes[rec], bytes[rec + 1], bytes[rec + 2], bytes[rec + 3]);
    const offset = v.getUint32(rec + 8);
    const length = v.getUint32(rec + 12);
    if (offset + length > bytes.length) fail(`таблица ${tag} обрезана`);
    tables.set(tag, { offset, length });
  }
  const need = (tag: string): TableEntry => tables.get(tag) ?? fail(`нет таблицы ${tag}`);

  const head = need('head').offset;
  const unitsPerEm = v.getUint16(head + 18);
  if (!unitsPerEm) fail('unitsPerEm = 0');
  const bbox = { minX: v.getInt16(head + 36), minY: v.getInt16(head + 38), maxX: v.getInt16(head + 40), maxY: v.getInt16(head + 42) };
  const macStyle = v.getUint16(head + 44);
  const locaFormat = v.getInt16(head + 50);

  const hhea = need('hhea').offset;
  const ascent = v.getInt16(hhea + 4);
  const descent = v.getInt16(hhea + 6);
  const numberOfHMetrics = v.getUint16(hhea + 34);

  const numGlyphs = v.getUint16(need('maxp').offset + 4);

  const hmtx = need('hmtx');
  if (numberOfHMetrics === 0 || numberOfHMetrics > numGlyphs || hmtx.length < numberOfHMetrics * 4) fail('hmtx не сходится с hhea');
  const advances = new Uint16Array(numGlyphs);
  for (let g = 0; g < numGlyphs; g++) advances[g] = v.getUint16(hmtx.offset + 4 * Math.min(g, numberOfHMetrics - 1));

  let capHeight = 0;
  let xHeight = 0;
  let familyClass = 0;
  const os2 = tables.get('OS/2');
  if (os2) {
    familyClass = v.getInt16(os2.offset + 30) >> 8;
    if (v.getUint16(os2.offset) >= 2 && os2.length >= 90) {
      xHeight = v.getInt16(os2.offset + 86);
      capHeight = v.getInt16(os2.offset + 88);
    }
  }

  let italicAngle = 0;
  let fixedPitch = false;
  const post = tables.get('post');
  if (post) {
    italicAngle = v.getInt32(post.offset + 4) / 65536;
    fixedPitch = v.getUint32(post.offset + 12) !== 0;
  }

  const glyphOffsets = new Uint32Array(numGlyphs + 1);
  const loca = need('loca');
  const glyf = need('glyf');
  if (loca.length < (numGlyphs + 1) * (locaFormat ? 4 : 2)) fail('loca короче числа глифов');
  for (let g = 0; g <= numGlyphs; g++) glyphOffsets[g] = locaFormat ? v.getUint32(loca.offset + 4 * g) : v.getUint16(loca.offset + 2 * g) * 2;
  for (let g = 0; g < numGlyphs; g++) if (glyphOffsets[g] > glyphOffsets[g + 1] || glyphOffsets[g + 1] > glyf.length) fail(`глиф ${g} вне glyf`);

  const { bmp, astral } = readCmap(v, need('cmap'), numGlyphs);
  const characterSet: number[] = [];
  for (let cp = 0; cp < 0x10000; cp++) if (bmp[cp]) characterSet.push(cp);
  characterSet.push(...[...astral.keys()].sort((a, b) => a - b));

  // PDF font descriptor flags, as pdf-lib derives them (after pdfkit): always symbolic (the
  // glyphs are addressed by id, not by a standard encoding), serif from the OS/2 family class.
  let pdfFlags = 1 << 2; // symbolic
  if (fixedPitch) pdfFlags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) pdfFlags |= 1 << 1;
  if (familyClass === 10) pdfFlags |= 1 << 3;
  if (macStyle & 2) pdfFlags |= 1 << 6;

  const font: ParsedFont = {
    bytes,
    postscriptName: readPostscriptName(v, tables.get('name')) || 'Font',
    unitsPerEm,
    bbox,
    ascent,
    descent,
    capHeight,
    xHeight,
    italicAngle,
    pdfFlags,
    numGlyphs,
    advances,
    characterSet,
    glyphOf: (cp) => (cp < 0x10000 ? bmp[cp] : astral.get(cp) ?? 0),
    tables,
    glyphOffsets,
    locaFormat,
  };
  return font;
}

/** The Unicode character map: a direct table for the Basic Multilingual Plane, a map above it. */
function readCmap(v: DataView, cmap: TableEntry, numGlyphs: number): { bmp: Uint16Array; astral: Map<number, number> } {
  const bmp = new Uint16Array(0x10000);
  const astral = new Map<number, number>();
  const n = v.getUint16(cmap.offset + 2);
  // Unicode subtables, best first: full repertoire (format 12), then BMP (format 4).
  let best: { offset: number; format: number; rank: number } | null = null;
  for (let i = 0; i < n; i++) {
    const rec = cmap.offset + 4 + 8 * i;
    const platform = v.getUint16(rec);
    const encoding = v.getUint16(rec + 2);
    const offset = cmap.offset + v.getUint32(rec + 4);
    const format = v.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    const rank = format === 12 ? 2 : 1;
    if (!best || rank > best.rank) best = { offset, format, rank };
  }
  if (!best) fail('нет таблицы символов Unicode (cmap 4 или 12)');
  const set = (cp: number, g: number) => {
    if (g === 0 || g >= numGlyphs || cp > 0x10ffff) return;
    if (cp < 0x10000) bmp[cp] = g;
    else astral.set(cp, g);
  };
  const o = best.offset;
  if (best.format === 12) {
    const groups = v.getUint32(o + 12);
    for (let i = 0; i < groups; i++) {
      const start = v.getUint32(o + 16 + 12 * i);
      const end = v.getUint32(o + 20 + 12 * i);
      const glyph = v.getUint32(o + 24 + 12 * i);
      for (let cp = start; cp <= end && cp <= 0x10ffff; cp++) set(cp, glyph + (cp - start));
    }
  } else {
    const segX2 = v.getUint16(o + 6);
    const ends = o + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    for (let s = 0; s < segX2; s += 2) {
      const end = v.getUint16(ends + s);
      const start = v.getUint16(starts + s);
      const delta = v.getInt16(deltas + s);
      const ro = v.getUint16(rangeOffsets + s);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        if (ro === 0) set(cp, (cp + delta) & 0xffff);
        else {
          const g = v.getUint16(rangeOffsets + s + ro + 2 * (cp - start));
          if (g) set(cp, (g + delta) & 0xffff);
        }
      }
    }
  }
  return { bmp, astral };
}

/** The PostScript name (name id 6): the Windows Unicode record, else the Macintosh Roman one. */
function readPostscriptName(v: DataView, name: TableEntry | undefined): string {
  if (!name) return '';
  const count = v.getUint16(name.offset + 2);
  const strings = name.offset + v.getUint16(name.offset + 4);
  let mac = '';
  for (let i = 0; i < count; i++) {
    const rec = name.offset + 6 + 12 * i;
    if (v.getUint16(rec + 6) !== 6) continue;
    const platform = v.getUint16(rec);
    const length = v.getUint16(rec + 8);
    const at = strings + v.getUint16(rec + 10);
    if (platform === 3) {
      let s = '';
      for (let k = 0; k + 1 < length; k += 2) s += String.fromCharCode(v.getUint16(at + k));
      return sanitizeName(s);
    }
    if (platform === 1 && !mac) for (let k = 0; k < length; k++) mac += String.fromCharCode(v.getUint8(at + k));
  }
  return sanitizeName(mac);
}

/** A PostScript name holds printable ASCII without delimiters (PDF name objects, 7.3.5). */
function sanitizeName(s: string): string {
  return s.replace(/[^\x21-\x7e]|[[\](){}<>/%#]/g, '');
}

/**
 * The glyphs a composite glyph is built from (OpenType glyf, composite glyph description), or
 * none for a simple glyph.
 */
function componentsOf(font: ParsedFont, glyph: number): number[] {
  const start = font.glyphOffsets[glyph];
  const end = font.glyphOffsets[glyph + 1];
  if (end - start < 10) return [];
  const glyf = font.tables.get('glyf')!.offset;
  const v = new DataView(font.bytes.buffer, font.bytes.byteOffset, font.bytes.byteLength);
  let p = glyf + start;
  if (v.getInt16(p) >= 0) return [];
  p += 10;
  const out: number[] = [];
  for (;;) {
    if (p + 4 > glyf + end) fail(`составной глиф ${glyph} обрезан`);
    const flags = v.getUint16(p);
    out.push(v.getUint16(p + 2));
    p += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008) p += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x0040) p += 4; // WE_HAVE_AN_X_AND_Y_SCALE
    else if (flags & 0x0080) p += 8; // WE_HAVE_A_TWO_BY_TWO
    if (!(flags & 0x0020)) break; // MORE_COMPONENTS
  }
  return out;
}

/**
 * The glyphs to keep so that `glyphs` draw: those, their composite glyphs' components (to any
 * depth) and .notdef.
 * @param font a font from `parseTrueType`
 * @param glyphs glyph ids drawn
 * @returns the closed set, ascending
 */
export function glyphClosure(font: TrueTypeFont, glyphs: Iterable<number>): number[] {
  const f = font as ParsedFont;
  const keep = new Set<number>([0]);
  const todo = [...glyphs];
  while (todo.length) {
    const g = todo.pop()!;
    if (g >= f.numGlyphs || keep.has(g)) continue;
    keep.add(g);
    todo.push(...componentsOf(f, g));
  }
  return [...keep].sort((a, b) => a - b);
}

/** Tables a PDF's TrueType font program needs (PDF 32000-1:2008, 9.9: glyphs are addressed by id; no cmap, name, post or OS/2). */
const SUBSET_TABLES = ['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep'];

/**
 * A font file drawing only `glyphs` (plus their components and .notdef): every other glyph is
 * made empty (and those after the last kept are dropped), glyph ids stay as they are (so a PDF
 * can address them by id, Identity mapping), and only the tables a PDF needs are written (head,
 * hhea, maxp, hmtx, loca, glyf and hinting programs when present).
 * @param font a font from `parseTrueType`
 * @param glyphs glyph ids to keep
 * @returns TrueType bytes
 */
export function subsetTrueType(font: TrueTypeFont, glyphs: Iterable<number>): Uint8Array {
  const f = font as ParsedFont;
  const keep = glyphClosure(f, glyphs);
  const src = f.bytes;
  const v = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const glyfAt = f.tables.get('glyf')!.offset;
  // Glyphs after the last one kept are dropped (ids stay the same); the others are kept empty.
  const numGlyphs = keep[keep.length - 1] + 1;

  // glyf: kept glyphs copied, each padded to 4 bytes; loca: new offsets (others empty).
  let glyfLength = 0;
  for (const g of keep) glyfLength += (f.glyphOffsets[g + 1] - f.glyphOffsets[g] + 3) & ~3;
  const longLoca = glyfLength > 0x1fffe;
  const glyf = new Uint8Array(glyfLength);
  const loca = new Uint8Array((numGlyphs + 1) * (longLoca ? 4 : 2));
  const lv = new DataView(loca.buffer);
  // hmtx: one full metric per glyph, zero for the glyphs not kept (they compress to nothing).
  const hmtx = new Uint8Array(numGlyphs * 4);
  const mv = new DataView(hmtx.buffer);
  const hmtxAt = f.tables.get('hmtx')!.offset;
  const numberOfHMetrics = v.getUint16(f.tables.get('hhea')!.offset + 34);
  let at = 0;
  let k = 0;
  for (let g = 0; g <= numGlyphs; g++) {
    if (longLoca) lv.setUint32(4 * g, at);
    else lv.setUint16(2 * g, at / 2);
    if (g < numGlyphs && keep[k] === g) {
      k++;
      const s = f.glyphOffsets[g];
      const e = f.glyphOffsets[g + 1];
      glyf.set(src.subarray(glyfAt + s, glyfAt + e), at);
      at += (e - s + 3) & ~3;
      mv.setUint16(4 * g, f.advances[g]);
      const lsb = g < numberOfHMetrics ? hmtxAt + 4 * g + 2 : hmtxAt + 4 * numberOfHMetrics + 2 * (g - numberOfHMetrics);
      mv.setInt16(4 * g + 2, v.getInt16(lsb));
    }
  }

  const out = new Map<string, Uint8Array>();
  for (const tag of SUBSET_TABLES) {
    const t = f.tables.get(tag);
    if (tag === 'glyf') out.set(tag, glyf);
    else if (tag === 'loca') out.set(tag, loca);
    else if (tag === 'hmtx') out.set(tag, hmtx);
    else if (t) out.set(tag, src.slice(t.offset, t.offset + t.length));
  }
  const set16 = (tag: string, offset: number, value: number) => {
    const t = out.get(tag)!;
    new DataView(t.buffer, t.byteOffset, t.byteLength).setUint16(offset, value);
  };
  set16('head', 50, longLoca ? 1 : 0); // indexToLocFormat
  set16('hhea', 34, numGlyphs); // numberOfHMetrics
  set16('maxp', 4, numGlyphs);
  return writeSfnt(out);
}

function checksum(data: Uint8Array): number {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? data[i] : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** Writes an sfnt file from tables (tags in ascending order, 4-byte aligned, checksums and head.checkSumAdjustment set). */
function writeSfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  let size = 12 + 16 * n;
  for (const tag of tags) size += (tables.get(tag)!.length + 3) & ~3;
  const file = new Uint8Array(size);
  const v = new DataView(file.buffer);
  const pow = 2 ** Math.floor(Math.log2(n));
  v.setUint32(0, 0x00010000);
  v.setUint16(4, n);
  v.setUint16(6, pow * 16);
  v.setUint16(8, Math.log2(pow));
  v.setUint16(10, n * 16 - pow * 16);
  let at = 12 + 16 * n;
  let headAt = -1;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    if (tag === 'head') {
      headAt = at;
      new DataView(data.buffer, data.byteOffset, data.byteLength).setUint32(8, 0);
    }
    const rec = 12 + 16 * i;
    for (let c = 0; c < 4; c++) file[rec + c] = tag.charCodeAt(c);
    v.setUint32(rec + 4, checksum(data));
    v.setUint32(rec + 8, at);
    v.setUint32(rec + 12, data.length);
    file.set(data, at);
    at += (data.length + 3) & ~3;
  });
  if (headAt >= 0) v.setUint32(headAt + 8, (0xb1b0afba - checksum(file)) >>> 0);
  return file;
}
