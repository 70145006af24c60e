/**
 * Text on the papers' pages, written the quick way: every text run of a page goes into one
 * content stream of plain PDF operators (`BT /F 12 Tf 1 0 0 1 x y Tm <glyph ids> Tj … ET`), made
 * as a string and compressed by the browser's own deflate (`CompressionStream`), instead of
 * pdf-lib's `page.drawText`, which builds and validates a dozen operator objects per call and
 * compresses in JavaScript. A form has about a thousand runs (one per word of a justified line),
 * so this is most of the time a PDF takes.
 *
 * Text is drawn above everything else on its page (its stream comes last): the papers never
 * cover text with a picture or a filled shape. The text rendering mode is not set, so a state set
 * before the page's streams applies to the text too.
 */
import { ColorTypes, PDFArray, PDFContentStream, PDFName, PDFPage, PDFRef, type Color, type PDFDocument, type PDFFont } from 'pdf-lib';
import { deflate } from './deflate';

/** Options of `drawPageText`, as those of pdf-lib's `page.drawText` the papers use. */
export interface PageTextOptions {
  /** Left end of the baseline, pt from the page's left edge. */
  x: number;
  /** The baseline, pt from the page's bottom edge. */
  y: number;
  /** Type size, pt. */
  size: number;
  /** An embedded font (`embedTrueType`). */
  font: PDFFont;
  /** Fill colour (default black). */
  color?: Color;
}

/** The text of one page so far. */
interface PageText {
  ops: string[];
  fonts: Map<PDFRef, string>;
  font?: string;
  size?: number;
  color?: string;
}

const pending = new WeakMap<PDFDocument, Map<PDFPage, PageText>>();

/** A number as PDF content writes it: at most 3 decimals, no exponent, no trailing zeros. */
function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

function colorOp(c: Color | undefined): string {
  if (!c) return '0 g';
  switch (c.type) {
    case ColorTypes.Grayscale:
      return `${num(c.gray)} g`;
    case ColorTypes.RGB:
      return `${num(c.red)} ${num(c.green)} ${num(c.blue)} rg`;
    case ColorTypes.CMYK:
      return `${num(c.cyan)} ${num(c.magenta)} ${num(c.yellow)} ${num(c.key)} k`;
  }
}

/**
 * Draws one run of text on one line, as `page.drawText(text, o)` would draw it (a line break or
 * tab inside `text` is drawn as a space). The text is kept until `savePaper(doc)` writes it.
 * @param page the page (a stand-in that is not a `PDFPage`, such as a measuring writer's, gets
 *   its own `drawText` called)
 * @param text the text (characters the font lacks are drawn as its empty glyph: clean it first)
 * @param o position, size, font and colour
 */
export function drawPageText(page: PDFPage, text: string, o: PageTextOptions): void {
  if (!(page instanceof PDFPage)) {
    (page as { drawText(t: string, o: PageTextOptions): void }).drawText(text, o);
    return;
  }
  let pages = pending.get(page.doc);
  if (!pages) pending.set(page.doc, (pages = new Map()));
  let t = pages.get(page);
  if (!t) pages.set(page, (t = { ops: [], fonts: new Map() }));
  let key = t.fonts.get(o.font.ref);
  if (!key) t.fonts.set(o.font.ref, (key = page.node.newFontDictionary('F', o.font.ref).toString()));
  if (t.font !== key || t.size !== o.size) {
    t.ops.push(`${key} ${num(o.size)} Tf`);
    t.font = key;
    t.size = o.size;
  }
  const color = colorOp(o.color);
  if (t.color !== color) {
    t.ops.push(color);
    t.color = color;
  }
  t.ops.push(`1 0 0 1 ${num(o.x)} ${num(o.y)} Tm`, `${o.font.encodeText(text.replace(/[\n\r\t\f\v]/g, ' ')).toString()} Tj`);
}

/**
 * Finishes the pages of `doc` for saving: writes the text drawn with `drawPageText` (one
 * compressed content stream per page, after the page's other content) and compresses pdf-lib's
 * own content streams (lines, boxes, pictures) with the platform's deflate as well. Run by
 * {@link savePaper}, so that no PDF is saved without its text.
 * @param doc the document
 */
async function finishPages(doc: PDFDocument): Promise<void> {
  const pages = pending.get(doc) ?? new Map<PDFPage, PageText>();
  pending.delete(doc);
  const texts = await Promise.all([...pages.values()].map((t) => deflate(new TextEncoder().encode(`q\nBT\n${t.ops.join('\n')}\nET\nQ\n`))));
  [...pages.keys()].forEach((page, i) => {
    page.node.addContentStream(doc.context.register(doc.context.stream(texts[i], { Filter: 'FlateDecode' })));
  });
  // pdf-lib's content streams would be deflated by its JavaScript deflate when saved: replaced
  // here, under the same references, by the same operators deflated by the platform.
  const own: [PDFRef, PDFContentStream][] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : [page.node.get(PDFName.of('Contents'))];
    for (const ref of refs) {
      const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : undefined;
      if (ref instanceof PDFRef && stream instanceof PDFContentStream) own.push([ref, stream]);
    }
  }
  const packed = await Promise.all(own.map(([, stream]) => deflate(stream.getUnencodedContents())));
  own.forEach(([ref], i) => doc.context.assign(ref, doc.context.stream(packed[i], { Filter: 'FlateDecode' })));
}

/**
 * Finishes the pages (`finishPages`: the text drawn with `drawPageText`, all content streams
 * compressed) and saves a papers document: the bytes of the PDF. Call it once; nothing may be
 * drawn after it. Objects are written in one
 * go (without pdf-lib's default pause every 50 objects, a timer each, ≥ 4 ms in a browser) and
 * without object streams (pdf-lib would deflate those in JavaScript; ≈ 3 KB more per PDF, and
 * no JavaScript deflate runs while a PDF is made).
 * @param doc the document
 * @returns PDF bytes
 */
export async function savePaper(doc: PDFDocument): Promise<Uint8Array> {
  await finishPages(doc);
  return doc.save({ objectsPerTick: Infinity, useObjectStreams: false });
}
