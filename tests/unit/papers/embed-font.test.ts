/**
 * The papers' own TrueType reader (`utils/papers/truetype.ts`), embedder
 * (`utils/papers/embed-font.ts`, replacing fontkit) and text writer (`utils/papers/page-text.ts`): the metrics and character map read from
 * the fonts, the per-PDF cut of the font program, the PDF objects written, and that every PDF —
 * the first, the second, several made at once — gets its own font objects and extracts its own
 * text (the parsed font is shared between PDFs, the glyphs drawn are not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { renderPapersPdf } from '@/utils/papers/build';
import { embedTrueType, trueTypeOf } from '@/utils/papers/embed-font';
import { renderGuidePdf } from '@/utils/papers/guide-pdf';
import { drawPageText, savePaper } from '@/utils/papers/page-text';
import { glyphClosure, parseTrueType, subsetTrueType } from '@/utils/papers/truetype';
import type { PapersInput } from '@/utils/papers/types';
import { ALONE, FILLED, norm, originalFonts, pdfText, renderGray, requirePoppler, shippedFonts, tempDir, writePdf } from './helpers';

const shipped = await shippedFonts();
const original = originalFonts();
const tmp = tempDir();
beforeAll(() => requirePoppler());
afterAll(() => tmp.cleanup());

/** The tables of an sfnt file: tag → bytes (a test-side reader, independent of the code under test). */
function sfntTables(file: Uint8Array): Map<string, Uint8Array> {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < v.getUint16(4); i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(...file.subarray(rec, rec + 4));
    out.set(tag, file.subarray(v.getUint32(rec + 8), v.getUint32(rec + 8) + v.getUint32(rec + 12)));
  }
  return out;
}

/** Glyph `g`'s outline bytes from an sfnt's loca and glyf. */
function glyphBytes(file: Uint8Array, g: number): Uint8Array {
  const t = sfntTables(file);
  const head = t.get('head')!;
  const long = new DataView(head.buffer, head.byteOffset).getInt16(50) === 1;
  const loca = t.get('loca')!;
  const lv = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  const at = (i: number) => (long ? lv.getUint32(4 * i) : lv.getUint16(2 * i) * 2);
  return t.get('glyf')!.subarray(at(g), at(g + 1));
}

const cp = (ch: string) => ch.codePointAt(0)!;

describe('TrueType reader', () => {
  it('reads DejaVu Serif: names, metrics, the character map and advances, the same in the shipped cut and the original', () => {
    for (const [face, name] of [
      ['regular', 'DejaVuSerif'],
      ['bold', 'DejaVuSerif-Bold'],
    ] as const) {
      const cut = parseTrueType(shipped[face]);
      const full = parseTrueType(original[face]);
      expect(cut.postscriptName).toBe(name);
      expect(full.postscriptName).toBe(name);
      for (const f of [cut, full]) {
        expect(f.unitsPerEm).toBe(2048);
        expect(f.ascent).toBeGreaterThan(1800);
        expect(f.descent).toBeLessThan(-400);
        expect(f.bbox.maxY).toBeGreaterThan(f.ascent);
        expect(f.italicAngle).toBe(0);
      }
      expect(cut.numGlyphs).toBeLessThan(full.numGlyphs);
      expect(cut.characterSet.length).toBeGreaterThan(600);
      for (const ch of 'АЯаяЁёЙй№—–«»AZaz09 ') expect(cut.glyphOf(cp(ch)), ch).toBeGreaterThan(0);
      expect(cut.glyphOf(0x6f22)).toBe(0); // 漢: in neither
      expect(cut.glyphOf(0x3a9)).toBe(0); // Ω: not in the cut
      expect(full.glyphOf(0x3a9)).toBeGreaterThan(0);
      // Every character of the cut has the same advance as in the original.
      for (const c of cut.characterSet) expect(cut.advances[cut.glyphOf(c)], `U+${c.toString(16)}`).toBe(full.advances[full.glyphOf(c)]);
      // The character set is exactly the characters with a glyph, ascending.
      expect(cut.characterSet.every((c, i) => cut.glyphOf(c) > 0 && (i === 0 || c > cut.characterSet[i - 1]))).toBe(true);
    }
  });

  it('refuses what is not a TrueType font, with a Russian message', () => {
    const otf = new Uint8Array(64);
    otf.set([0x4f, 0x54, 0x54, 0x4f]); // 'OTTO': CFF outlines
    for (const bytes of [new Uint8Array(0), new Uint8Array(100).fill(7), otf, shipped.regular.slice(0, 300)]) {
      expect(() => parseTrueType(bytes)).toThrow(/^Шрифт не читается/);
    }
  });
});

describe('cutting the font program to the glyphs a PDF draws', () => {
  const font = parseTrueType(shipped.regular);
  const used = [...'Ёж №5 — «Й»'].map((ch) => font.glyphOf(cp(ch)));

  it('keeps the drawn glyphs byte for byte, with their composite parts, empties the rest, ids unchanged', () => {
    const cut = subsetTrueType(font, used);
    const keep = glyphClosure(font, used);
    // Ё and Й are composite in DejaVu (a base letter and a mark): their parts are kept too.
    expect(keep.length).toBeGreaterThan(new Set([0, ...used]).size);
    for (const g of keep) {
      // the same outline, padded with at most 3 zero bytes (glyphs are 4-byte aligned)
      const [now, was] = [glyphBytes(cut, g), glyphBytes(font.bytes, g)];
      expect(now.subarray(0, was.length), `glyph ${g}`).toEqual(was);
      expect([...now.subarray(was.length)].every((b) => b === 0) && now.length - was.length < 4, `glyph ${g} padding`).toBe(true);
    }
    const a = font.glyphOf(cp('А'));
    expect(keep).not.toContain(a);
    expect(glyphBytes(cut, a).length).toBe(0);
    expect(glyphBytes(font.bytes, a).length).toBeGreaterThan(0);
    expect(cut.length).toBeLessThan(font.bytes.length / 4);
  });

  it('writes a well-formed font: the tables a PDF needs, checksums right, whole-file sum 0xB1B0AFBA', () => {
    const cut = subsetTrueType(font, used);
    const tables = sfntTables(cut);
    expect([...tables.keys()].sort()).toEqual(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']);
    const v = new DataView(cut.buffer, cut.byteOffset, cut.byteLength);
    const sum = (from: number, length: number) => {
      let s = 0;
      for (let i = 0; i < length; i += 4) s = (s + (i + 4 <= length ? v.getUint32(from + i) : v.getUint32(from + i) & (0xffffffff << (8 * (4 - (length - i)))))) >>> 0;
      return s;
    };
    expect(sum(0, cut.length)).toBe(0xb1b0afba);
    for (let i = 0; i < v.getUint16(4); i++) {
      const rec = 12 + 16 * i;
      if (String.fromCharCode(...cut.subarray(rec, rec + 4)) === 'head') continue;
      expect(sum(v.getUint32(rec + 8), v.getUint32(rec + 12))).toBe(v.getUint32(rec + 4));
    }
    // maxp and hhea agree with loca and hmtx.
    const maxp = tables.get('maxp')!;
    const numGlyphs = new DataView(maxp.buffer, maxp.byteOffset).getUint16(4);
    expect(numGlyphs).toBe(Math.max(...glyphClosure(font, used)) + 1);
    expect(tables.get('hmtx')!.length).toBe(numGlyphs * 4);
  });
});

/** The Type0 fonts of a PDF with their descendant, descriptor and font program. */
async function fontsOf(bytes: Uint8Array): Promise<{ name: string; cid: PDFDict; descriptor: PDFDict; program: PDFRawStream; toUnicode: string }[]> {
  const doc = await PDFDocument.load(bytes);
  const out = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const cid = doc.context.lookup((obj.get(PDFName.of('DescendantFonts')) as PDFArray).get(0), PDFDict);
    const descriptor = doc.context.lookup(cid.get(PDFName.of('FontDescriptor')), PDFDict);
    const program = doc.context.lookup(descriptor.get(PDFName.of('FontFile2'))) as PDFRawStream;
    const toUnicode = inflateSync((doc.context.lookup(obj.get(PDFName.of('ToUnicode'))) as PDFRawStream).contents).toString('latin1');
    out.push({ name: (obj.get(PDFName.of('BaseFont')) as PDFName).decodeText(), cid, descriptor, program, toUnicode });
  }
  return out;
}

describe('the fonts in a papers PDF', () => {
  it('Type0 / CIDFontType2 / Identity-H, a subset tag, the cut program with Length1, widths, ToUnicode', async () => {
    const fonts = await fontsOf(await renderPapersPdf(FILLED, shipped));
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSerif', 'DejaVuSerif-Bold']);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
      expect(f.cid.get(PDFName.of('Subtype'))).toBe(PDFName.of('CIDFontType2'));
      expect(f.cid.get(PDFName.of('CIDToGIDMap'))).toBe(PDFName.of('Identity'));
      // Every listed width is the glyph's advance in 1/1000 em, as layout measured it; an unlisted
      // glyph (.notdef) gets the default width, its own advance too.
      const tt = parseTrueType(f.name.endsWith('Bold') ? shipped.bold : shipped.regular);
      const em = (g: number) => Math.round((tt.advances[g] * 1000) / tt.unitsPerEm);
      const w = f.cid.get(PDFName.of('W')) as PDFArray;
      let listed = 0;
      for (let i = 0; i + 1 < w.size(); i += 2) {
        const start = (w.get(i) as PDFNumber).asNumber();
        const run = w.get(i + 1) as PDFArray;
        for (let k = 0; k < run.size(); k++, listed++) expect(Math.round((run.get(k) as PDFNumber).asNumber()), `glyph ${start + k}`).toBe(em(start + k));
      }
      expect(listed).toBeGreaterThan(60);
      expect((f.cid.get(PDFName.of('DW')) as PDFNumber).asNumber()).toBe(em(0));
      const program = inflateSync(f.program.contents);
      expect((f.program.dict.get(PDFName.of('Length1')) as PDFNumber).asNumber()).toBe(program.length);
      expect(program.length).toBeLessThan(25_000); // the cut: the shipped face is ≈ 43 KB
      expect(f.toUnicode).toContain('beginbfchar');
      // ≤ 100 entries per bfchar block (PDF 32000-1:2008, 9.10.3)
      for (const m of f.toUnicode.matchAll(/(\d+) beginbfchar/g)) expect(Number(m[1])).toBeLessThanOrEqual(100);
    }
  });

  it('without subsetting: the whole font file as given, every character in ToUnicode', async () => {
    const fonts = await fontsOf(await renderPapersPdf(FILLED, shipped, { subset: false }));
    for (const f of fonts) {
      expect(f.name).not.toMatch(/\+/);
      const face = f.name === 'DejaVuSerif' ? shipped.regular : shipped.bold;
      expect(new Uint8Array(inflateSync(f.program.contents))).toEqual(face);
      const tt = parseTrueType(face);
      expect((f.toUnicode.match(/^<[0-9a-f]{4}> <[0-9a-f]+>$/gm) ?? []).length).toBe(new Set(tt.characterSet.map((c) => tt.glyphOf(c))).size);
    }
  });
});

describe('every PDF has its own font objects and its own text', () => {
  const OTHER: PapersInput = { ...FILLED, child: { ...FILLED.child, fullName: 'Łukasz Ærøskøbing Ünal', snils: '999-888-777 66' } };

  it('first, second and third PDF from the same font bytes: each extracts its own text, the third as the first', async () => {
    const first = norm(pdfText(writePdf(tmp.dir, 'first', await renderPapersPdf(FILLED, shipped))));
    const second = norm(pdfText(writePdf(tmp.dir, 'second', await renderPapersPdf(OTHER, shipped))));
    const third = norm(pdfText(writePdf(tmp.dir, 'third', await renderPapersPdf(FILLED, shipped))));
    const fourth = norm(pdfText(writePdf(tmp.dir, 'fourth', await renderPapersPdf(ALONE, shipped))));
    expect(first).toContain('Иванов Пётр Сергеевич');
    expect(second).toContain('Łukasz Ærøskøbing Ünal');
    expect(second).toContain('999-888-777 66');
    expect(second).not.toContain('Иванов Пётр Сергеевич');
    expect(third).toBe(first);
    expect(fourth).toContain('654321');
  });

  it('PDFs made at the same time (papers and guide) do not mix their glyphs', async () => {
    const guide = { title: 'Памятка', portal: 'sgo.tvobr.ru', generatedOn: '2026-12-02', steps: [{ code: 'Т-1', title: 'Щука', instruction: 'Ъъ ЭЮЯ ÆØ' }] };
    const [a, b, c] = await Promise.all([renderPapersPdf(FILLED, shipped), renderPapersPdf(OTHER, shipped), renderGuidePdf(guide, shipped)]);
    expect(norm(pdfText(writePdf(tmp.dir, 'same-time-a', a)))).toContain('Иванов Пётр Сергеевич');
    expect(norm(pdfText(writePdf(tmp.dir, 'same-time-b', b)))).toContain('Łukasz Ærøskøbing Ünal');
    expect(norm(pdfText(writePdf(tmp.dir, 'same-time-c', c)))).toContain('Ъъ ЭЮЯ ÆØ');
  });

  it('one font embedded in two documents: each document writes only the glyphs it drew', async () => {
    const one = await PDFDocument.create();
    const two = await PDFDocument.create();
    const f1 = embedTrueType(one, shipped.regular);
    const f2 = embedTrueType(two, shipped.regular);
    one.addPage().drawText('Аб', { font: f1, size: 12 });
    two.addPage().drawText('Яю', { font: f2, size: 12 });
    const [p1, p2] = [await one.save(), await two.save()];
    expect(norm(pdfText(writePdf(tmp.dir, 'one', p1)))).toBe('Аб');
    expect(norm(pdfText(writePdf(tmp.dir, 'two', p2)))).toBe('Яю');
    const [font1] = await fontsOf(p1);
    expect(font1.toUnicode.match(/^<[0-9a-f]{4}> <[0-9a-f]+>$/gm)).toHaveLength(2);
  });
});

describe('measuring and encoding', () => {
  it('a width is the sum of the glyphs’ advances (no kerning); a character without a glyph is one .notdef', async () => {
    const doc = await PDFDocument.create();
    const font = embedTrueType(doc, shipped.regular);
    const tt = trueTypeOf(shipped.regular);
    const adv = (ch: string) => (tt.advances[tt.glyphOf(cp(ch))] * 12) / tt.unitsPerEm;
    expect(font.widthOfTextAtSize('АВ', 12)).toBeCloseTo(adv('А') + adv('В'), 9);
    expect(font.widthOfTextAtSize('', 12)).toBe(0);
    // An emoji (two UTF-16 units) is one missing character: one .notdef glyph, not two.
    expect(font.encodeText('😀').toString()).toBe('<0000>');
    expect(font.widthOfTextAtSize('😀', 12)).toBeCloseTo((tt.advances[0] * 12) / tt.unitsPerEm, 9);
    expect(font.encodeText('Аб').toString()).toBe(`<${[...'Аб'].map((ch) => tt.glyphOf(cp(ch)).toString(16).padStart(4, '0')).join('')}>`);
    expect(font.getCharacterSet()).toBe(tt.characterSet);
    expect(font.heightAtSize(12)).toBeCloseTo(((tt.ascent - tt.descent) * 12) / tt.unitsPerEm, 9);
    expect(font.sizeAtHeight(font.heightAtSize(12))).toBeCloseTo(12, 9);
  });

  it('the same bytes are parsed once; another copy of the bytes is parsed again', () => {
    expect(trueTypeOf(shipped.regular)).toBe(trueTypeOf(shipped.regular));
    expect(trueTypeOf(shipped.regular.slice())).not.toBe(trueTypeOf(shipped.regular));
  });

  it('a PDF with a font that is not TrueType fails with the reader’s message', async () => {
    await expect(renderPapersPdf(FILLED, { regular: new Uint8Array(100), bold: shipped.bold })).rejects.toThrow(/^Шрифт не читается/);
  });
});

describe('page text (drawPageText → one content stream per page)', () => {
  it('draws in the colour asked, on top of the page’s shapes, extractable; a line break inside is a space', async () => {
    const doc = await PDFDocument.create();
    const font = embedTrueType(doc, shipped.bold);
    const page = doc.addPage([200, 100]);
    page.drawRectangle({ x: 0, y: 0, width: 200, height: 100, color: rgb(0, 0, 0) });
    drawPageText(page, 'ЖЖЖ\nЖЖЖ', { x: 10, y: 40, size: 20, font, color: rgb(1, 1, 1) });
    const path = writePdf(tmp.dir, 'white-on-black', await savePaper(doc));
    expect(norm(pdfText(path))).toBe('ЖЖЖ ЖЖЖ');
    // White letters on the black box: drawn after it.
    const [render] = renderGray(path, 72, tmp.dir, 'white-on-black');
    expect(render.data.filter((v) => v > 200).length).toBeGreaterThan(500);
  });

  it('a measuring stand-in page gets its own drawText (nothing is kept for it)', () => {
    const calls: string[] = [];
    const standIn = { drawText: (t: string) => calls.push(t) } as unknown as PDFPage;
    drawPageText(standIn, 'Аб', { x: 0, y: 0, size: 10, font: {} as PDFFont });
    expect(calls).toEqual(['Аб']);
  });
});
